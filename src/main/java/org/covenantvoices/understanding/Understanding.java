package org.covenantvoices.understanding;

import java.util.Optional;

/** What the conversation asks of the understanding module. None of these throws, and none waits past its limit. */
public interface Understanding {

	/** Confusion, vagueness, safeguarding, abuse: keywords and embeddings only, a few milliseconds. */
	Assessment assess(String text, String language);

	/**
	 * A simpler explanation of the question from the chat model, checked for length and plain language, cached per
	 * question wording. Empty where there is no model, it is slow or down, or its text fails the checks: use the
	 * script's own simpler wording then.
	 */
	Optional<String> explain(QuestionContext question);

	/**
	 * One gentle follow-up to a vague answer, from the chat model, checked like an explanation. Empty where the
	 * script's own follow-up should be used.
	 */
	Optional<String> probe(QuestionContext question, String answer);

	/** Keeps a possible disclosure for an organiser to review. Joins the caller's transaction. */
	void flag(SafeguardingConcern concern);
}
