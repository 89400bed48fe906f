package org.covenantvoices.understanding;

/**
 * The question a participant is on, for explaining or probing.
 *
 * @param key identifies the question's wording: script, language, version and step, for caching
 * @param questionId Q1-Q6 or OTHER, or null for a question about the person
 * @param questionText the words the person was sent
 * @param simplerText the script's own simpler wording, if any
 */
public record QuestionContext(String key, String language, String questionId, String questionText,
		String simplerText) {
}
