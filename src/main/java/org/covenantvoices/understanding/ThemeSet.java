package org.covenantvoices.understanding;

import java.time.Instant;
import java.util.List;

/**
 * One run of theme analysis for one question.
 *
 * @param answers how many answers were read
 * @param represented how many people those answers speak for (the sum of their represented counts)
 * @param minThemeSize the fewest answers a theme may have: max(5, 0.1% of answers)
 * @param labelledBy the chat model that wrote labels, or null where every label is from the terms
 * @param unthemed answers in no theme (only where there were too few answers for any theme)
 */
public record ThemeSet(String questionId, String method, String modelVersion, int answers, int represented,
		int minThemeSize, List<Theme> themes, String labelledBy, long durationMs, String createdBy, Instant createdAt,
		int unthemed) {

	public static final String METHOD = "kmeans-ctfidf";

	public static final String VERSION = "themes.v1";

	/** The largest number of themes a question may have (ThemeFinder's rule). */
	public static final int MAX_THEMES = 70;
}
