package org.covenantvoices.understanding.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The words that set each theme apart, c-TF-IDF style (as in BERTopic): a word's count in the theme times
 * log(1 + average words per theme / the word's count across all themes). Common words, and words every theme uses,
 * score low.
 */
final class ThemeTerms {

	static final int TERMS = 5;

	static final int LABEL_TERMS = 3;

	private static final Pattern WORD = Pattern.compile("\\p{L}[\\p{L}'\\-]*\\p{L}");

	/** English stop words, a few Welsh ones, and words every answer to this consultation uses. */
	static final Set<String> STOP_WORDS = Set.copyOf(List.of("a", "about", "above", "after", "again", "against", "all", "also",
			"am", "an", "and", "any", "are", "aren't", "as", "at", "be", "because", "been", "before", "being", "below",
			"between", "both", "but", "by", "can", "can't", "cannot", "could", "couldn't", "did", "didn't", "do", "does",
			"doesn't", "doing", "don't", "down", "during", "each", "even", "ever", "every", "few", "for", "from",
			"further", "get", "gets", "getting", "got", "had", "hadn't", "has", "hasn't", "have", "haven't", "having",
			"he", "her", "here", "hers", "herself", "him", "himself", "his", "how", "however", "i", "i'm", "i've",
			"if", "in", "into", "is", "isn't", "it", "it's", "its", "itself", "just", "let", "like", "lot", "lots",
			"make", "makes", "many", "me", "more", "most", "much", "must", "my", "myself", "need", "needs", "no", "nor",
			"not", "now", "of", "off", "often", "on", "once", "one", "only", "or", "other", "others", "our", "ours",
			"ourselves", "out", "over", "own", "really", "same", "say", "see", "she", "should", "shouldn't", "so",
			"some", "something", "still", "such", "than", "that", "that's", "the", "their", "theirs", "them",
			"themselves", "then", "there", "there's", "these", "they", "they're", "thing", "things", "think", "this",
			"those", "through", "to", "too", "under", "until", "up", "us", "use", "very", "want", "was", "wasn't",
			"way", "we", "we're", "we've", "well", "were", "weren't", "what", "when", "where", "which", "while", "who",
			"whom", "why", "will", "with", "won't", "would", "wouldn't", "yes", "yet", "you", "your", "yours",
			"yourself", "able", "always", "actually", "already", "around", "back", "better", "come", "done", "give",
			"go", "going", "good", "great", "help", "know", "made", "may", "might", "new", "right", "take", "then",
			"time", "two", "work", "works", "working",
			// Welsh
			"a'r", "ac", "am", "ar", "bod", "ddim", "dim", "ein", "fod", "gan", "gyda", "hefyd", "i'r", "mae", "mewn",
			"nid", "ond", "oes", "oedd", "roedd", "sy", "sydd", "wedi", "yn", "yr", "ydy", "ydym", "ni", "nhw", "ei",
			"eu", "o'r", "y", "i", "o",
			// every answer to the consultation says these
			"covenant", "government", "civil", "society", "sector", "charity", "charities", "redacted"));

	private ThemeTerms() {
	}

	static List<String> words(String text) {
		List<String> words = new ArrayList<>();
		Matcher m = WORD.matcher(text.toLowerCase(Locale.ROOT).replace('\u2019', '\''));
		while (m.find()) {
			String w = m.group();
			if (w.endsWith("'s")) {
				w = w.substring(0, w.length() - 2);
			}
			if (w.length() >= 3 && !STOP_WORDS.contains(w)) {
				words.add(w);
			}
		}
		return words;
	}

	/**
	 * @param texts the answers
	 * @param clusters per answer, its cluster (0..k-1), or -1
	 * @return per cluster, its top terms, best first (ties alphabetical)
	 */
	static List<List<String>> topTerms(List<String> texts, int[] clusters, int k) {
		List<Map<String, Integer>> counts = new ArrayList<>();
		for (int c = 0; c < k; c++) {
			counts.add(new HashMap<>());
		}
		Map<String, Integer> overall = new HashMap<>();
		long totalWords = 0;
		for (int i = 0; i < texts.size(); i++) {
			if (clusters[i] < 0) {
				continue;
			}
			for (String w : words(texts.get(i))) {
				counts.get(clusters[i]).merge(w, 1, Integer::sum);
				overall.merge(w, 1, Integer::sum);
				totalWords++;
			}
		}
		double averageWords = k == 0 ? 0 : (double) totalWords / k;
		List<List<String>> top = new ArrayList<>();
		for (int c = 0; c < k; c++) {
			Map<String, Double> scores = new HashMap<>();
			counts.get(c).forEach((w, tf) -> scores.put(w, tf * Math.log(1 + averageWords / overall.get(w))));
			top.add(scores.entrySet()
				.stream()
				.sorted(Map.Entry.<String, Double>comparingByValue(Comparator.reverseOrder())
					.thenComparing(Map.Entry.comparingByKey()))
				.limit(TERMS)
				.map(Map.Entry::getKey)
				.toList());
		}
		return top;
	}

	/** The label from terms alone: the top three, in order. */
	static String label(List<String> terms) {
		return terms.isEmpty() ? "other answers" : String.join(", ", terms.subList(0, Math.min(LABEL_TERMS, terms.size())));
	}
}
