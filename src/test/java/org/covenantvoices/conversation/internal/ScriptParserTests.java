package org.covenantvoices.conversation.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A mistake in a script is reported with the file, the line and the reason. */
class ScriptParserTests {

	static final Path ENGLISH = Path.of("conversations/covenant-engagement.en.yaml");

	static String english() throws IOException {
		return Files.readString(ENGLISH, StandardCharsets.UTF_8);
	}

	@Test
	void theEnglishScriptHasTheWholeEngagement() throws IOException {
		ConversationScript script = ScriptParser.parse(ENGLISH.toString(), english());
		assertThat(script.language()).isEqualTo("en");
		assertThat(script.totalQuestions()).isEqualTo(6);
		assertThat(script.steps()).extracting(Step::question)
			.containsSubsequence("Q1", "Q2", "Q3", "Q4", "Q5", "Q6", "OTHER");
		assertThat(script.first().type()).isEqualTo(StepType.INFO);
		assertThat(script.steps().stream().filter(s -> s.question() != null && s.question().matches("Q[2-6]")))
			.allSatisfy(step -> assertThat(step.explain()).as(step.id()).isNotBlank());
		assertThat(script.steps().stream().flatMap(s -> s.options().stream()))
			.allSatisfy(option -> assertThat(option.label()).isNotBlank().hasSizeLessThanOrEqualTo(30));
		assertThat(script.words(Command.STOP)).contains("STOP", "STOPALL", "UNSUBSCRIBE", "CANCEL", "END", "QUIT",
				"REVOKE", "OPTOUT");
	}

	@Test
	void everyEnglishTextUsesOnlyPlainTextMessageCharacters() throws IOException {
		ConversationScript script = ScriptParser.parse(ENGLISH.toString(), english());
		String gsm = "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§"
				+ "¿abcdefghijklmnopqrstuvwxyzäöñüà";
		for (Step step : script.steps()) {
			assertThat(step.text().replaceAll("\\{(number|total|min|max|code)}", "0").chars().filter(c -> gsm.indexOf(c) < 0).mapToObj(Character::toString).toList())
				.as("characters in step %s that would make the text cost more", step.id())
				.isEmpty();
		}
		script.messages().forEach((key, text) -> assertThat(
				text.replaceAll("\\{(number|total|min|max|code)}", "0").chars().filter(c -> gsm.indexOf(c) < 0).mapToObj(Character::toString).toList())
			.as("characters in message %s", key)
			.isEmpty());
	}

	@Test
	void invalidYamlNamesTheLine() {
		String broken = "script: covenant-engagement\nlanguage: en\nversion: 1\nsteps:\n  - id: a\n    text: [unclosed\n";
		assertThatThrownBy(() -> ScriptParser.parse("broken.yaml", broken)).isInstanceOf(ScriptException.class)
			.hasMessageStartingWith("broken.yaml, line ")
			.hasMessageContaining("not valid YAML");
	}

	@Test
	void aStepThatGoesNowhereNamesTheStepAndLine() throws IOException {
		String script = english().replace("    next: q1_why\n", "    next: q9_why\n");
		int line = lineOf(script, "- id: q1\n");
		assertThatThrownBy(() -> ScriptParser.parse("en.yaml", script)).isInstanceOf(ScriptException.class)
			.hasMessage("en.yaml, line " + line + ": step q1 goes next to q9_why, which is not a step in this script");
	}

	@Test
	void aMissingMessageIsNamed() throws IOException {
		String script = english().replaceAll("(?m)^  no_back: >-\\n.*\\n", "");
		assertThatThrownBy(() -> ScriptParser.parse("en.yaml", script)).isInstanceOf(ScriptException.class)
			.hasMessageContaining("messages needs no_back");
	}

	@Test
	void anUnknownStepTypeOrKeyIsNamed() throws IOException {
		assertThatThrownBy(() -> ScriptParser.parse("en.yaml", english().replace("type: answer", "type: essay")))
			.hasMessageContaining("has type essay; the types are");
		assertThatThrownBy(() -> ScriptParser.parse("en.yaml", english().replace("    skippable_typo: x", "")
			.replace("  - id: q3\n", "  - id: q3\n    colour: red\n")))
			.hasMessageContaining("colour is not something a step can have");
	}

	@Test
	void anOptionWordThatIsACommandIsRefused() throws IOException {
		String script = english().replace("words: [\"7\", \"OTHER\"]", "words: [\"7\", \"OTHER\", \"SKIP\"]");
		assertThatThrownBy(() -> ScriptParser.parse("en.yaml", script))
			.hasMessageContaining("uses SKIP, which is already the skip command");
	}

	@Test
	void anOptionWithoutALabelIsRefused() throws IOException {
		String script = english().replace("        label: Trade union\n", "");
		assertThatThrownBy(() -> ScriptParser.parse("en.yaml", script)).hasMessageContaining("an option needs label");
	}

	@Test
	void anUnknownPlaceholderIsRefused() throws IOException {
		String script = english().replace("Question {number} of {total}. What gets", "Question {num} of {total}. What gets");
		assertThatThrownBy(() -> ScriptParser.parse("en.yaml", script)).hasMessageContaining("{num} is not a placeholder");
	}

	@Test
	void answersBeforeConsentAreImpossible() throws IOException {
		String script = english().replace("    type: consent\n", "    type: text\n    save: area\n");
		assertThatThrownBy(() -> ScriptParser.parse("en.yaml", script))
			.hasMessageContaining("must be the consent step");
	}

	@Test
	void wordsAreComparedWithoutCaseSpacingOrAccents() {
		assertThat(Words.normalise("  nôl ")).isEqualTo("NOL");
		assertThat(Words.normalise("Stop.")).isEqualTo("STOP");
		assertThat(Words.normalise("dim   mwy")).isEqualTo("DIM MWY");
		assertThat(Words.normalise("Don't know")).isEqualTo("DON T KNOW");
	}

	private static int lineOf(String text, String needle) {
		int index = text.indexOf(needle);
		return (int) text.substring(0, index).chars().filter(c -> c == '\n').count() + 1;
	}
}
