package org.covenantvoices.channel;

/**
 * How one channel stands, for the organisers' dashboard.
 *
 * @param channel the channel's code, as in the record's source ({@code sms}, {@code whatsapp}, ...)
 * @param name what organisers call it
 * @param detail one plain sentence: what is set up, or what to set to switch it on
 */
public record ChannelStatus(String channel, String name, State state, String detail) {

	public enum State {
		/** Set up and, as far as we know, working. */
		READY,
		/** Set up, but failing just now (the provider refuses, or a circuit breaker is open). */
		DEGRADED,
		/** Present but switched off by configuration. */
		SWITCHED_OFF,
		/** Not set up on this service. */
		NOT_CONFIGURED
	}
}
