package org.covenantvoices.plainlanguage;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Plain-language measures for participant-facing English: Flesch Reading Ease, sentence length, and the characters
 * that silently make a text message cost more. Scores of 70 and above read easily at about age 9-10.
 */
public final class Readability {

	private static final Pattern SENTENCE_END = Pattern.compile("(?<=[.!?])\\s+|\\n+");

	private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}']+");

	private static final Pattern VOWELS = Pattern.compile("[aeiouy]+");

	/** Typographic characters that force UCS-2 though a plain one would do. */
	private static final String UCS2_LOOKALIKES = "\u2018\u2019\u201A\u201B\u201C\u201D\u201E\u2013\u2014\u2015\u00A0"
			+ "\u2026\u2022\u2212\u00AD\u200B";

	private Readability() {
	}

	public static double fleschReadingEase(String text) {
		List<String> sentences = sentences(text);
		int words = 0;
		int syllables = 0;
		for (String sentence : sentences) {
			for (String word : words(sentence)) {
				words++;
				syllables += syllables(word);
			}
		}
		if (words == 0) {
			return 100;
		}
		return 206.835 - 1.015 * ((double) words / sentences.size()) - 84.6 * ((double) syllables / words);
	}

	public static int longestSentence(String text) {
		return sentences(text).stream().mapToInt(s -> words(s).size()).max().orElse(0);
	}

	/** Curly quotes, long dashes, non-breaking spaces, ellipses and the like, as found in the text. */
	public static String ucs2Lookalikes(String text) {
		StringBuilder found = new StringBuilder();
		text.chars().filter(c -> UCS2_LOOKALIKES.indexOf(c) >= 0).distinct().forEach(c -> found.append((char) c));
		return found.toString();
	}

	static List<String> sentences(String text) {
		List<String> out = new ArrayList<>();
		for (String part : SENTENCE_END.split(text.strip())) {
			if (!words(part).isEmpty()) {
				out.add(part);
			}
		}
		return out.isEmpty() ? List.of(text) : out;
	}

	static List<String> words(String sentence) {
		List<String> out = new ArrayList<>();
		var m = WORD.matcher(sentence);
		while (m.find()) {
			out.add(m.group());
		}
		return out;
	}

	/** An English syllable estimate: vowel groups, less a silent final e, at least one. */
	static int syllables(String word) {
		String w = word.toLowerCase(Locale.ROOT).replaceAll("[^a-z]", "");
		if (w.isEmpty()) {
			return 1; // a number such as 6 or 160
		}
		if (w.length() <= 3) {
			return 1;
		}
		w = w.replaceAll("(?:[^laeiouy]es|[^laeiouy]e|ed)$", "").replaceAll("^y", "");
		var m = VOWELS.matcher(w);
		int count = 0;
		while (m.find()) {
			count++;
		}
		return Math.max(1, count);
	}
}
