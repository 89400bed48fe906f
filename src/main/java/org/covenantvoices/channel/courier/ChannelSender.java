package org.covenantvoices.channel.courier;

import org.covenantvoices.conversation.OutboundMessage;

/** One channel's way of sending: the outbox dispatcher does the queueing, rates, retries and guarding. */
public interface ChannelSender {

	/** The channel code: sms, whatsapp, telegram. */
	String channel();

	/** The provider behind it; channels of one provider share a circuit breaker. */
	String provider();

	/** What the message costs against the channel's rate: SMS segments, else 1. */
	default int cost(OutboundMessage message) {
		return 1;
	}

	/** A reason not to send at all, checked before anything is handed over; null to go ahead. */
	default SendOutcome refuse(OutboundMessage message) {
		return null;
	}

	/** Makes the provider call. Never throws: every failure is typed. */
	SendOutcome send(OutboundMessage message, String address);
}
