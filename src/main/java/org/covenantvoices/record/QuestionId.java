package org.covenantvoices.record;

import java.util.Arrays;
import java.util.Optional;

/**
 * The engagement questions, in the order the Covenant framework lists them, plus the closing "anything else" and,
 * for event notes, a general note not tied to one question.
 */
public enum QuestionId {

	/** Are recognition, partnership, participation and transparency the right principles? */
	Q1,
	/** What are the enablers of effective partnership, and examples of best practice? */
	Q2,
	/** What are the barriers to meaningful partnership and collaboration? */
	Q3,
	/** How do we ensure the Covenant holds weight and is effective? */
	Q4,
	/** How do we harness and spread civil society's ability to innovate? */
	Q5,
	/** How do we make the new relationship a reality in the current economic context? */
	Q6,
	/** Anything else the person wants to say. */
	OTHER,
	/** An event note that speaks to the engagement as a whole. */
	GENERAL;

	public static Optional<QuestionId> parse(String value) {
		return Arrays.stream(values()).filter(q -> q.name().equalsIgnoreCase(value.trim())).findFirst();
	}
}
