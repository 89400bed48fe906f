package org.covenantvoices.campaign.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.covenantvoices.plainlanguage.Readability;
import org.covenantvoices.plainlanguage.SmsSegments;

/**
 * A campaign's per-language messages and the fields they may hold: {answered} (questions answered so far),
 * {questions} (how many there are) and {remaining}.
 */
final class MessageTemplates {

	static final List<String> LANGUAGES = List.of("en", "cy");

	static final int QUESTIONS = 6;

	private static final Set<String> FIELDS = Set.of("answered", "questions", "remaining");

	private static final Pattern FIELD = Pattern.compile("\\{([^{}]*)}");

	private static final Map<String, String> NAMES = Map.of("en", "English", "cy", "Welsh");

	private MessageTemplates() {
	}

	/** Reasons the messages cannot be used; empty where they can. */
	static List<String> problems(Map<String, String> messages) {
		List<String> problems = new ArrayList<>();
		if (messages == null) {
			messages = Map.of();
		}
		for (String language : messages.keySet()) {
			if (!LANGUAGES.contains(language)) {
				problems.add("Messages can be in en (English) or cy (Welsh), not " + language);
			}
		}
		for (String language : LANGUAGES) {
			String text = messages.get(language);
			String name = NAMES.get(language);
			if (text == null || text.isBlank()) {
				problems.add("Write the " + name + " message: everyone gets the campaign in their own language");
				continue;
			}
			if (text.length() > 640) {
				problems.add("The " + name + " message is longer than 640 characters");
			}
			Matcher field = FIELD.matcher(text);
			while (field.find()) {
				if (!FIELDS.contains(field.group(1))) {
					problems.add("The " + name + " message has an unknown field {" + field.group(1)
							+ "}: use {answered}, {questions} or {remaining}");
				}
			}
		}
		return problems;
	}

	/** Plain-language advice that does not stop a campaign: UCS-2 look-alikes, long sentences. */
	static List<String> advice(Map<String, String> messages) {
		List<String> advice = new ArrayList<>();
		String english = messages == null ? null : messages.get("en");
		if (english != null && !english.isBlank()) {
			String lookalikes = Readability.ucs2Lookalikes(english);
			if (lookalikes != null && !lookalikes.isEmpty()) {
				advice.add("The English message has characters that make every SMS cost more (UCS-2): " + lookalikes);
			}
			if (Readability.longestSentence(english) > 20) {
				advice.add("The English message has a sentence longer than 20 words");
			}
		}
		return advice;
	}

	static String render(String template, int answered) {
		return template.replace("{answered}", Integer.toString(answered))
			.replace("{questions}", Integer.toString(QUESTIONS))
			.replace("{remaining}", Integer.toString(Math.max(0, QUESTIONS - answered)));
	}

	/** The first message to an invited number says who we are and how to stop. */
	static String withIntroduction(String introduction, String text) {
		return introduction == null || introduction.isBlank() ? text : introduction.strip() + "\n" + text;
	}

	static SmsSegments segments(String text) {
		return SmsSegments.of(text);
	}
}
