package org.covenantvoices.understanding;

import java.util.List;

/**
 * One theme of a question's answers.
 *
 * @param position 1 for the theme that speaks for most people
 * @param label the annotation value: the chat model's checked label, or the top terms
 * @param labelSource {@code model} or {@code terms}
 * @param terms the most distinctive words (c-TF-IDF), best first
 * @param answers how many answers are in it
 * @param represented how many people those answers speak for
 * @param quotes three answers nearest its centre, redacted
 * @param bySource per source code, most people first
 * @param byNation per nation ({@code not_given} where none was given), most people first
 */
public record Theme(int position, String label, String labelSource, List<String> terms, int answers,
		int represented, List<String> quotes, List<Tally> bySource, List<Tally> byNation) {

	/** Answers and the people they speak for, for one source or nation. */
	public record Tally(String key, int answers, int represented) {
	}
}
