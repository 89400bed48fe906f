package org.covenantvoices.channel;

/**
 * The simulator channel: a pretend phone that talks to the real engine and the real record (source
 * {@code simulator}), answering in the same request.
 */
public interface Simulator {

	/** The longest message a real channel carries (Telegram and WhatsApp: 4,096 characters). */
	int MAX_TEXT = 4096;

	/** The longest pretend address. */
	int MAX_FROM = 64;

	/** Off unless SIMULATOR_ENABLED says otherwise, or the service runs in local mode. */
	boolean enabled();

	/**
	 * Sends a message as if from a phone and waits for the replies.
	 *
	 * @param from the pretend phone number or name; the same one continues the same conversation
	 * @param messageId optional: a retry with the same id has no second effect
	 */
	SimulatorExchange send(String from, String text, String messageId);
}
