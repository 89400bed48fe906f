package org.covenantvoices.record;

import java.util.Arrays;
import java.util.Optional;

/**
 * The engagement questions, in the order the Covenant framework lists them, plus the closing "anything else" and,
 * for event notes, a general note not tied to one question.
 */
public enum QuestionId {

	Q1("Are the four key principles - recognition, partnership, participation, transparency - the right ones?"),
	Q2("What are the enablers of effective partnership? And what are the examples of best practice?"),
	Q3("What are the barriers to meaningful partnership and collaboration?"),
	Q4("How do we ensure this Covenant holds weight and is effective?"),
	Q5("How do we harness the excellent ability of civil society to innovate and find new solutions to societal "
			+ "problems? How do we support that spirit to spread across the sector?"),
	Q6("How do we make the new relationship a reality, especially in the current economic context?"),
	OTHER("Is there anything else you want to tell us?"),
	GENERAL("General notes on the Covenant engagement as a whole.");

	private final String text;

	QuestionId(String text) {
		this.text = text;
	}

	/** The question as the Covenant framework words it, for analysts' tools. */
	public String text() {
		return text;
	}

	public static Optional<QuestionId> parse(String value) {
		return Arrays.stream(values()).filter(q -> q.name().equalsIgnoreCase(value.trim())).findFirst();
	}
}
