package org.covenantvoices.channel;

/** How fast each channel's outbox sends, across every instance: what a campaign paces its feeding by. */
public interface SendingRates {

	/** @return messages (SMS: segments) a second for the channel, as configured */
	double perSecond(String channel);
}
