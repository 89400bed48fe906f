package org.covenantvoices.channel;

import java.util.List;

import org.covenantvoices.conversation.Reply;

/**
 * What became of a message sent through the simulator.
 *
 * @param replies the bot's replies, in order; empty unless {@link Outcome#ANSWERED}
 * @param reason what went wrong, in plain words; null where it was answered
 * @param language the language the conversation is in after this message (en, cy), or null where not known
 */
public record SimulatorExchange(Outcome outcome, List<Reply> replies, String reason, String language) {

	public enum Outcome {
		/** Kept and processed; the replies are here. */
		ANSWERED,
		/** Not a message a phone could send (empty sender, too long); nothing kept. */
		REFUSED,
		/** The simulator is switched off here; nothing kept. */
		SWITCHED_OFF,
		/** A dependency is down and the message could not be kept; send it again. */
		NOT_KEPT,
		/** Kept, but not processed yet (a dependency is down); it will be, soon. */
		KEPT_FOR_LATER
	}

	public static SimulatorExchange answered(List<Reply> replies, String language) {
		return new SimulatorExchange(Outcome.ANSWERED, List.copyOf(replies), null, language);
	}

	public static SimulatorExchange failed(Outcome outcome, String reason) {
		return new SimulatorExchange(outcome, List.of(), reason, null);
	}
}
