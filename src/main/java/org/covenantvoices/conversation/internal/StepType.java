package org.covenantvoices.conversation.internal;

enum StepType {

	/** A message sent on its own; the conversation moves straight on. */
	INFO,
	/** Asks for consent to take part; YES goes on, NO is recorded and respected. */
	CONSENT,
	/** One of a list of options, by number or word. */
	CHOICE,
	/** A whole number within limits, such as the size of a group. */
	NUMBER,
	/** A short free text about the person, such as their area. */
	TEXT,
	/** An answer to an engagement question, in the person's own words. */
	ANSWER,
	/** The end of the conversation. */
	END;

	String key() {
		return name().toLowerCase();
	}
}
