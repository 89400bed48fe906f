package org.covenantvoices.conversation.internal;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/** How typed words are compared: case, spacing, punctuation and accents do not matter (NÔL is NOL). */
final class Words {

	private static final Pattern MARKS = Pattern.compile("\\p{M}+");

	private static final Pattern NOT_WORD = Pattern.compile("[^\\p{L}\\p{N}]+");

	private Words() {
	}

	static String normalise(String text) {
		if (text == null) {
			return "";
		}
		// Only short messages can be commands; skip the work for long answers.
		if (text.length() > 40) {
			return "";
		}
		String plain = MARKS.matcher(Normalizer.normalize(text, Normalizer.Form.NFKD)).replaceAll("");
		return NOT_WORD.matcher(plain.toUpperCase(Locale.ROOT)).replaceAll(" ").trim();
	}
}
