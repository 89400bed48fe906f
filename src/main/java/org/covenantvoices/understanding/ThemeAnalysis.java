package org.covenantvoices.understanding;

import java.util.Optional;

import org.covenantvoices.record.QuestionId;

/**
 * Themes across every source: all current answers to an engagement question (bot answers and imported notes alike)
 * clustered with the in-process embedding model, labelled by their most distinctive words (and, with a chat model, a
 * short checked label), stored as {@code theme} annotations and as a theme set. The same data gives the same themes.
 */
public interface ThemeAnalysis {

	/** Runs the analysis now and stores it, superseding the question's earlier themes. Takes seconds to a minute. */
	ThemeSet run(QuestionId question, String actor);

	/**
	 * Starts {@link #run} in the background.
	 *
	 * @return false where this question's analysis is already running here
	 */
	boolean start(QuestionId question, String actor);

	/** Whether this question's analysis is running on this instance. */
	boolean running(QuestionId question);

	/** The question's current theme set, if it has been analysed. */
	Optional<ThemeSet> latest(QuestionId question);
}
