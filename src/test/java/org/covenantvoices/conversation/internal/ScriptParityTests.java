package org.covenantvoices.conversation.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Welsh on equal terms: the Welsh script has every step, choice, wording and placeholder the English one has. */
class ScriptParityTests {

	private static final Pattern PLACEHOLDER = Pattern.compile("\\{[a-z]+}");

	static ConversationScript load(String language) throws IOException {
		Path file = Path.of("conversations/covenant-engagement." + language + ".yaml");
		return ScriptParser.parse(file.toString(), Files.readString(file, StandardCharsets.UTF_8));
	}

	@Test
	void bothScriptsHaveTheSameStepsChoicesAndPlaceholders() throws IOException {
		ConversationScript en = load("en");
		ConversationScript cy = load("cy");
		assertThat(cy.script()).isEqualTo(en.script());
		assertThat(cy.language()).isEqualTo("cy");
		assertThat(cy.steps()).hasSameSizeAs(en.steps());
		for (int i = 0; i < en.steps().size(); i++) {
			Step e = en.steps().get(i);
			Step c = cy.steps().get(i);
			assertThat(c.id()).as("step %d", i).isEqualTo(e.id());
			assertThat(c.type()).as(e.id()).isEqualTo(e.type());
			assertThat(c.next()).as(e.id()).isEqualTo(e.next());
			assertThat(c.save()).as(e.id()).isEqualTo(e.save());
			assertThat(c.question()).as(e.id()).isEqualTo(e.question());
			assertThat(c.skippable()).as(e.id()).isEqualTo(e.skippable());
			assertThat(c.min()).as(e.id()).isEqualTo(e.min());
			assertThat(c.max()).as(e.id()).isEqualTo(e.max());
			assertThat(c.explain() != null).as("%s has a simpler wording in both", e.id()).isEqualTo(e.explain() != null);
			assertThat(placeholders(c.text())).as(e.id()).isEqualTo(placeholders(e.text()));
			if (e.explain() != null) {
				assertThat(placeholders(c.explain())).as(e.id()).isEqualTo(placeholders(e.explain()));
			}
			assertThat(c.options()).as(e.id()).hasSameSizeAs(e.options());
			for (int o = 0; o < e.options().size(); o++) {
				assertThat(c.options().get(o).value()).as(e.id()).isEqualTo(e.options().get(o).value());
				assertThat(c.options().get(o).next()).as(e.id()).isEqualTo(e.options().get(o).next());
				// The numbers people type pick the same option in both languages.
				String first = e.options().get(o).words().get(0);
				if (first.chars().allMatch(Character::isDigit)) {
					assertThat(c.options().get(o).words().get(0)).as(e.id()).isEqualTo(first);
				}
			}
			assertThat(c.noneWords().isEmpty()).as(e.id()).isEqualTo(e.noneWords().isEmpty());
		}
		assertThat(cy.messages().keySet()).isEqualTo(en.messages().keySet());
		en.messages().forEach((key, text) -> assertThat(placeholders(cy.message(key))).as(key)
			.isEqualTo(placeholders(text)));
		for (Command command : Command.values()) {
			assertThat(cy.words(command)).as(command.name()).isNotEmpty();
		}
	}

	@Test
	void theWelshCommandWordsAreThere() throws IOException {
		ConversationScript cy = load("cy");
		assertThat(cy.words(Command.STOP)).contains("STOPIO", "DIM MWY");
		assertThat(cy.words(Command.HELP)).contains("CYMORTH");
		assertThat(cy.words(Command.SKIP)).contains("SGIP");
		assertThat(cy.words(Command.BACK)).contains(Words.normalise("NÔL"));
		assertThat(cy.words(Command.REPEAT)).contains("ETO");
		assertThat(cy.words(Command.EXPLAIN)).contains("ESBONIO");
		assertThat(cy.words(Command.FORGET)).contains("ANGHOFIO");
		assertThat(cy.words(Command.START)).contains("DECHRAU");
		assertThat(cy.words(Command.LANGUAGE)).contains("CYMRAEG");
	}

	@Test
	void eachLanguageOffersTheOtherAtFirstContact() throws IOException {
		assertThat(load("en").first().text()).contains("CYMRAEG");
		assertThat(load("cy").first().text()).contains("ENGLISH");
	}

	private static Set<String> placeholders(String text) {
		Set<String> found = new TreeSet<>();
		Matcher m = PLACEHOLDER.matcher(text);
		while (m.find()) {
			found.add(m.group());
		}
		return found;
	}

	static List<String> languages() {
		return List.of("en", "cy");
	}
}
