package org.covenantvoices.console.pages;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.covenantvoices.plainlanguage.SmsSegments;
import org.covenantvoices.conversation.ConversationTexts;
import org.covenantvoices.conversation.ParticipantText;
import org.covenantvoices.plainlanguage.Readability;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * Every message a participant may be sent, per language, with what it costs as a text message and how easy the
 * English is to read: the same measures the plain-language test applies.
 */
@Controller
class ScriptPage {

	/** The plain-language gate's bar: 70 and above reads easily at about age 9 to 10. */
	static final double EASY_TO_READ = 70;

	/** The gate's longest sentence, in words. */
	static final int LONGEST_SENTENCE = 20;

	private final ConversationTexts texts;

	ScriptPage(ConversationTexts texts) {
		this.texts = texts;
	}

	@GetMapping("/script")
	String script(Model model) {
		Map<String, List<Message>> byLanguage = new LinkedHashMap<>();
		for (ParticipantText text : texts.all()) {
			SmsSegments sms = SmsSegments.of(text.text());
			// As the plain-language test does: English messages are scored, button labels of a word or two are not.
			boolean scored = "en".equals(text.language()) && !"button".equals(text.kind());
			Double ease = scored ? Math.round(Readability.fleschReadingEase(text.text()) * 10) / 10.0 : null;
			Integer longest = scored ? Readability.longestSentence(text.text()) : null;
			String forcing = sms.encoding() == SmsSegments.Encoding.UCS_2 ? SmsSegments.nonGsm7Characters(text.text())
					: "";
			byLanguage.computeIfAbsent(text.language(), l -> new ArrayList<>())
				.add(new Message(step(text.key()), kind(text), text.text(), text.scriptVersion(),
						sms.encoding() == SmsSegments.Encoding.GSM_7 ? "GSM-7" : "UCS-2", sms.segments(),
						sms.remaining(), ease, longest, forcing));
		}
		List<Language> languages = new ArrayList<>();
		byLanguage.forEach((code, messages) -> languages.add(new Language(code, languageName(code),
				messages.isEmpty() ? "" : messages.get(0).version(), messages)));
		// English first, as people expect; then the others by name.
		languages.sort(Comparator.comparing((Language l) -> !l.english()).thenComparing(Language::name));
		model.addAttribute("languages", languages);
		model.addAttribute("easyToRead", (int) EASY_TO_READ);
		return "console/script";
	}

	/** The step or message a text belongs to; a button's key also names its option ({@code nation/wales}). */
	private static String step(String key) {
		int slash = key.indexOf('/');
		return slash < 0 ? key : key.substring(0, slash);
	}

	private static String kind(ParticipantText text) {
		return switch (text.kind()) {
			case "step" -> "Step";
			case "explain" -> "Simpler wording";
			case "button" -> "Button for " + text.key().substring(text.key().indexOf('/') + 1).replace('_', ' ');
			case "message" -> "Message";
			default -> text.kind();
		};
	}

	static String languageName(String code) {
		return switch (code) {
			case "en" -> "English";
			case "cy" -> "Welsh (Cymraeg)";
			default -> code;
		};
	}

	/**
	 * @param readingEase Flesch Reading Ease, for English only
	 * @param forcingUcs2 the characters that make the text UCS-2, so the author knows what to change
	 */
	public record Message(String key, String kind, String text, String version, String encoding, int segments,
			int charactersLeft, Double readingEase, Integer longestSentence, String forcingUcs2) {

		public boolean moreThanOneText() {
			return segments > 1;
		}

		public boolean hardToRead() {
			return readingEase != null && (readingEase < EASY_TO_READ || longestSentence > LONGEST_SENTENCE);
		}
	}

	public record Language(String code, String name, String version, List<Message> messages) {

		public long overOneText() {
			return messages.stream().filter(Message::moreThanOneText).count();
		}

		public long hardToRead() {
			return messages.stream().filter(Message::hardToRead).count();
		}

		public long ucs2() {
			return messages.stream().filter(m -> "UCS-2".equals(m.encoding())).count();
		}

		public boolean english() {
			return "en".equals(code);
		}
	}
}
