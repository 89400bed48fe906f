package org.covenantvoices.console.pages;

import java.io.Serializable;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;

/**
 * One organiser's pretend phone: its number and the conversation so far. It lives in their console session (in
 * Redis), so it survives a reload and works the same with or without JavaScript.
 */
public final class SimulatorThread implements Serializable {

	static final String SESSION_ATTRIBUTE = "cv.simulatorThread";

	/** Enough to scroll back through a whole conversation, small enough for a session. */
	static final int MAX_BUBBLES = 300;

	private static final SecureRandom RANDOM = new SecureRandom();

	private final String number;

	private final List<Bubble> bubbles = new ArrayList<>();

	private SimulatorThread(String number) {
		this.number = number;
	}

	/**
	 * A new pretend number in Ofcom's range for drama (07700 900000 to 900999), with a random suffix so that two
	 * organisers rarely share a conversation.
	 */
	static SimulatorThread withNewNumber() {
		return new SimulatorThread(String.format("+447700900%03d-%04d", RANDOM.nextInt(1000), RANDOM.nextInt(10000)));
	}

	public String number() {
		return number;
	}

	/** "07700 900123 (4567)", for people. */
	public String displayNumber() {
		String digits = number.substring(3, 13);
		return "0" + digits.substring(0, 4) + " " + digits.substring(4) + " (" + number.substring(14) + ")";
	}

	public List<Bubble> bubbles() {
		return bubbles;
	}

	synchronized void add(Bubble bubble) {
		bubbles.add(bubble);
		while (bubbles.size() > MAX_BUBBLES) {
			bubbles.remove(0);
		}
	}

	/**
	 * @param from {@value #PERSON}, {@value #BOT} or {@value #NOTE} (something went wrong)
	 * @param language the language of a bot message, for screen readers; null where not known
	 */
	public record Bubble(String from, String text, String language) implements Serializable {

		public static final String PERSON = "person";

		public static final String BOT = "bot";

		public static final String NOTE = "note";
	}
}
