package org.covenantvoices.understanding.internal;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import org.covenantvoices.plainlanguage.Jargon;
import org.covenantvoices.plainlanguage.Readability;
import org.covenantvoices.plainlanguage.SmsSegments;

/**
 * What a model's text must pass before a participant sees it: one text message, plain language, and nothing the
 * script would not say. Anything else is thrown away.
 */
final class GeneratedTextChecks {

	/** Words that have no place in an explanation or follow-up, and suggest the model was steered. */
	private static final List<String> FORBIDDEN = List.of("prompt", "instruction", "system", "assistant", "language model",
			" ai ", "chatgpt", "openai", "as an ", "i cannot", "i can't", "sorry", "unsubscribe", "password", "http",
			"www", "@", "ignore", "rules");

	/** A word in capitals reads as a command to send ("reply STOP"): only the question's own may appear. */
	private static final Pattern CAPITALS = Pattern.compile("\\b\\p{Lu}{2,}\\b");

	private static final Pattern DIGITS = Pattern.compile("\\d{3,}");

	private GeneratedTextChecks() {
	}

	/** @return null where the text may be sent, otherwise why not */
	static String problem(String text, String language, boolean mustAsk, String allowedCapitalsFrom) {
		if (text == null || text.isBlank()) {
			return "empty";
		}
		String trimmed = text.strip();
		if (trimmed.length() < 8) {
			return "too short";
		}
		SmsSegments segments = SmsSegments.of(trimmed);
		if (segments.segments() > 1) {
			return "longer than one text message";
		}
		String lower = " " + trimmed.toLowerCase(Locale.ROOT) + " ";
		for (String word : FORBIDDEN) {
			if (lower.contains(word)) {
				return "uses '" + word.strip() + "'";
			}
		}
		var capitals = CAPITALS.matcher(trimmed);
		while (capitals.find()) {
			if (allowedCapitalsFrom == null || !allowedCapitalsFrom.contains(capitals.group())) {
				return "uses the word " + capitals.group() + " in capitals";
			}
		}
		if (DIGITS.matcher(trimmed).find()) {
			return "contains a long number";
		}
		if (mustAsk && !trimmed.endsWith("?")) {
			return "is not a question";
		}
		if ("en".equals(language)) {
			if (segments.encoding() != SmsSegments.Encoding.GSM_7) {
				return "uses characters that cost more: " + SmsSegments.nonGsm7Characters(trimmed);
			}
			if (Readability.fleschReadingEase(trimmed) < 70) {
				return "not plain enough";
			}
			if (Readability.longestSentence(trimmed) > 20) {
				return "a sentence is too long";
			}
			if (Jargon.find(trimmed).isPresent()) {
				return "uses jargon";
			}
		}
		if (!Readability.ucs2Lookalikes(trimmed).isEmpty()) {
			return "uses typographic characters";
		}
		return null;
	}
}
