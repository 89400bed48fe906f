package org.covenantvoices.conversation.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.covenantvoices.plainlanguage.SmsSegments;
import org.covenantvoices.conversation.ParticipantText;
import org.covenantvoices.plainlanguage.Readability;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The plain-language and cost gate: every participant-facing text, in both languages, is checked for reading ease,
 * sentence length, jargon, costly characters and SMS segments. It also writes target/content-report.md.
 */
class PlainLanguageGateTests {

	static final double MIN_READING_EASE = 70;

	static final int MAX_SENTENCE_WORDS = 20;

	/**
	 * English texts allowed more than one SMS segment, and why. Keep this list short: every entry costs on every
	 * conversation that reaches it.
	 */
	static final Map<String, String> SEGMENT_EXCEPTIONS = Map.of();

	/**
	 * Outbound segments of one whole conversation, answering every question: measured 17 (English) and 19 (Welsh,
	 * where a few words need UCS-2), with one segment of room.
	 */
	static final int ENGLISH_CONVERSATION_BUDGET = 18;

	static final int WELSH_CONVERSATION_BUDGET = 20;

	static List<ParticipantText> english;

	static List<ParticipantText> welsh;

	static ConversationScript en;

	static ConversationScript cy;

	@BeforeAll
	static void load() throws IOException {
		en = ScriptParityTests.load("en");
		cy = ScriptParityTests.load("cy");
		english = ScriptTexts.of(en);
		welsh = ScriptTexts.of(cy);
		ContentReport.write(Path.of("target/content-report.md"), en, cy);
	}

	static List<ParticipantText> sms(List<ParticipantText> texts) {
		return texts.stream().filter(t -> !t.kind().equals("button")).toList();
	}

	@Test
	void everyEnglishTextReadsEasily() {
		for (ParticipantText text : sms(english)) {
			assertThat(Readability.fleschReadingEase(text.text())).as("reading ease of %s %s: %s", text.kind(),
					text.key(), text.text()).isGreaterThanOrEqualTo(MIN_READING_EASE);
			assertThat(Readability.longestSentence(text.text())).as("longest sentence of %s %s", text.kind(),
					text.key()).isLessThanOrEqualTo(MAX_SENTENCE_WORDS);
		}
	}

	@Test
	void noEnglishTextUsesJargon() throws IOException {
		List<String> jargon = Files.readAllLines(Path.of("conversations/jargon.txt"), StandardCharsets.UTF_8)
			.stream()
			.map(String::strip)
			.filter(line -> !line.isEmpty() && !line.startsWith("#"))
			.toList();
		assertThat(jargon).contains("stakeholder", "leverage", "facilitate", "framework");
		for (ParticipantText text : english) {
			String lower = " " + text.text().toLowerCase(Locale.ROOT).replaceAll("[^a-z' -]", " ") + " ";
			for (String word : jargon) {
				assertThat(lower).as("%s %s uses the jargon '%s'", text.kind(), text.key(), word)
					.doesNotContain(" " + word + " ");
			}
		}
	}

	@Test
	void noTextUsesCharactersThatSilentlyCostMore() {
		for (ParticipantText text : english) {
			assertThat(SmsSegments.nonGsm7Characters(text.text())).as("%s %s", text.kind(), text.key()).isEmpty();
		}
		// Welsh needs its own letters (w and y with a circumflex), but never typographic look-alikes.
		for (ParticipantText text : welsh) {
			assertThat(Readability.ucs2Lookalikes(text.text())).as("%s %s", text.kind(), text.key()).isEmpty();
		}
	}

	@Test
	void everyEnglishMessageFitsOneTextMessage() {
		for (ParticipantText text : sms(english)) {
			if (SEGMENT_EXCEPTIONS.containsKey(text.key())) {
				continue;
			}
			assertThat(SmsSegments.of(text.text()).segments()).as("%s %s (%d characters): %s", text.kind(),
					text.key(), text.text().length(), text.text()).isEqualTo(1);
		}
	}

	@Test
	void aWholeConversationStaysWithinItsSegmentBudget() {
		assertThat(conversationSegments(en)).isLessThanOrEqualTo(ENGLISH_CONVERSATION_BUDGET);
		assertThat(conversationSegments(cy)).isLessThanOrEqualTo(WELSH_CONVERSATION_BUDGET);
	}

	/** The texts a person is sent who answers every question for themselves: the path most people take. */
	static List<String> conversation(ConversationScript script) {
		List<String> sent = new ArrayList<>();
		Step step = script.first();
		List<ParticipantText> texts = ScriptTexts.of(script);
		for (int guard = 0; guard < 100; guard++) {
			String id = step.id();
			sent.add(texts.stream()
				.filter(t -> t.kind().equals("step") && t.key().equals(id))
				.findFirst()
				.orElseThrow()
				.text());
			if (step.type() == StepType.END) {
				return sent;
			}
			String next = step.options().isEmpty() ? null : step.options().get(0).next();
			step = next != null ? script.step(next).orElseThrow() : script.next(step);
		}
		throw new AssertionError("the script does not reach its end");
	}

	static int conversationSegments(ConversationScript script) {
		return conversation(script).stream().mapToInt(text -> SmsSegments.of(text).segments()).sum();
	}
}
