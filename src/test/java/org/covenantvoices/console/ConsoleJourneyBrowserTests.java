package org.covenantvoices.console;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import org.covenantvoices.record.Annotation;
import org.covenantvoices.record.Annotations;
import org.covenantvoices.support.Browser;
import org.covenantvoices.support.Browser.AxeResult;
import org.covenantvoices.support.IntegrationTest;
import org.covenantvoices.understanding.SafeguardingConcern;
import org.covenantvoices.understanding.Understanding;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The organisers' journey in real headless Chromium, by keyboard wherever a person would use one: an administrator
 * creates an event, imports roundtable notes for it, answers in the simulator with its join code, finds both on the
 * dashboard under the event with their sources, corrects a theme in the record browser, and signs out. A second test
 * runs axe-core on every page this journey adds. Screenshots go to target/screenshots/ (the dashboard's also to
 * docs/images/ for the README with -Dcovenant.readme-screenshot=true) and the accessibility results to
 * target/axe-report-journey.md.
 */
class ConsoleJourneyBrowserTests extends IntegrationTest {

	private static final Duration WAIT = Duration.ofSeconds(30);

	static final Path AXE_REPORT = Path.of("target", "axe-report-journey.md");

	@Autowired
	Annotations annotations;

	@Autowired
	Understanding understanding;

	@BeforeAll
	static void chromium() {
		Browser.assumeInstalled();
	}

	@Test
	void anAdministratorRunsAnEventFromCreationToACorrectedTheme() throws IOException {
		try (Browser browser = Browser.start(base(), true)) {
			// 1. Signs in.
			browser.open("/sign-in");
			browser.tabTo("#username");
			browser.press("admin", Keys.TAB);
			browser.press(ADMIN_PASSWORD, Keys.ENTER);
			browser.waitUpTo(WAIT).until(ExpectedConditions.urlContains("/dashboard"));

			// 2. Creates an event, by keyboard alone.
			browser.open("/events");
			browser.tabTo("#create-event");
			browser.press(Keys.ENTER);
			browser.waitUpTo(WAIT).until(ExpectedConditions.urlContains("/events/new"));
			browser.tabTo("#kind");
			browser.press(Keys.SPACE);
			browser.tabTo("#title");
			browser.press("Journey roundtable in Newport");
			browser.tabTo("#date-day");
			browser.press("27", Keys.TAB, "11", Keys.TAB, "2026");
			browser.tabTo("#host");
			browser.press("Newport CVS");
			browser.tabTo("#nation");
			browser.press("Wales");
			browser.tabTo("#event-form button[type=submit]");
			browser.press(Keys.ENTER);
			browser.waitUpTo(WAIT).until(ExpectedConditions.presenceOfElementLocated(By.id("join-code")));
			String code = browser.text("#join-code");
			assertThat(code).matches("[A-Z0-9]{6}");
			assertThat(browser.text("#join-instructions")).contains("text " + code);
			assertThat((Boolean) browser.script("var i = document.getElementById('qr-code');"
					+ " return i.complete && i.naturalWidth > 0")).as("the QR code image loads").isTrue();
			browser.screenshot("journey-1-event");

			// 3. Imports roundtable notes for it.
			Path csv = Path.of("target", "journey-notes.csv").toAbsolutePath();
			Files.writeString(csv, "event_code,question,text,represented_count\n" + code
					+ ",Q2,\"Journey notes: shared budgets and a named contact in each council\",8\n" + code
					+ ",general,Journey notes: the room wanted the Covenant in plain English,20\n");
			browser.open("/imports");
			browser.find("#file").sendKeys(csv.toString());
			browser.tabTo("#import-form button[type=submit]");
			browser.press(Keys.ENTER);
			browser.waitUpTo(WAIT).until(ExpectedConditions.urlContains("/imports/done"));
			assertThat(browser.text("#import-report")).contains("Added 2");
			browser.screenshot("journey-2-import");

			// 4. Answers in the simulator with the event's join code.
			browser.open("/simulator");
			browser.tabTo("#message");
			say(browser, code.toLowerCase(), "linked to the event with code " + code);
			say(browser, "yes", "Are you answering");
			say(browser, "1", "Where are you?");
			say(browser, "3", "Which town");
			say(browser, "Newport", "Question 1 of 6");
			say(browser, "yes", "Why?");
			say(browser, "Journey simulator: councils should share their plans early", "Question 2 of 6");
			browser.screenshot("journey-3-simulator");

			// 5. Sees both on the dashboard under the event, each with its source.
			browser.open("/dashboard");
			browser.tabTo("#event");
			browser.press("Journey roundtable");
			browser.tabTo("form.cv-filters button[type=submit]");
			browser.press(Keys.ENTER);
			browser.waitUpTo(WAIT).until(ExpectedConditions.urlContains("event=" + code));
			assertThat(browser.text("#record-summary")).contains("under the event Journey roundtable in Newport");
			assertThat(browser.text("#question-by-source")).contains("Roundtable notes", "Simulator");
			assertThat(browser.text("#question-by-group")).contains("Event notes");
			String general = browser.find("#question-by-source").getText();
			assertThat(general).contains("General event notes");
			Path dashboard = browser.screenshot("journey-4-dashboard-under-event");
			// -Dcovenant.readme-screenshot=true refreshes the README's picture; otherwise a run leaves docs/ alone.
			if (Boolean.getBoolean("covenant.readme-screenshot")) {
				Files.createDirectories(Path.of("docs", "images"));
				Files.copy(dashboard, Path.of("docs", "images", "console-dashboard.png"),
						StandardCopyOption.REPLACE_EXISTING);
			}

			// 6. Opens the record browser and corrects a theme (seeded here as a model's label: the theme analysis
			// writes them the same way).
			long noteId = jdbc.sql("SELECT id FROM contributions WHERE event_code = ? AND source = 'roundtable_note' "
					+ "AND question_id = 'Q2' AND superseded_at IS NULL")
				.param(code)
				.query(Long.class)
				.single();
			Annotation theme = annotations.assignByModel(noteId, "theme", "funding", "journey-themes", "1");
			browser.open("/record?event=" + code + "&theme=funding");
			assertThat(browser.text("#contribution-" + noteId)).contains("Journey notes: shared budgets");
			browser.tabTo("#correct-" + theme.id());
			browser.press("shared budgets", Keys.ENTER);
			browser.waitUpTo(WAIT)
				.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".govuk-notification-banner--success")));
			assertThat(browser.text(".govuk-notification-banner--success"))
				.contains("You corrected the theme to \"shared budgets\"");
			assertThat(annotations.current(noteId)).anySatisfy(a -> {
				assertThat(a.value()).isEqualTo("shared budgets");
				assertThat(a.organiser()).isEqualTo("admin");
			});
			browser.open("/record?event=" + code + "&theme=shared+budgets");
			browser.screenshot("journey-5-record-corrected-theme");

			// 7. Previews a campaign with its segment count (the default audience: people who started and stopped).
			browser.open("/campaigns/new");
			browser.find("#name").sendKeys("Journey reminder " + code);
			browser.find("#messageEn").sendKeys("You've answered {answered} of {questions}. Reply to carry on.");
			browser.find("#messageCy").sendKeys("Rydych wedi ateb {answered} o {questions}. Atebwch i barhau.");
			browser.tabTo("#preview-button");
			browser.press(Keys.ENTER);
			browser.waitUpTo(WAIT).until(ExpectedConditions.presenceOfElementLocated(By.id("preview")));
			assertThat(browser.text("#segments-en")).startsWith("1");
			assertThat(browser.text("#preview")).contains("GSM-7");
			assertThat(browser.text("#preview-segments")).matches("\\d[\\d,]*");
			browser.screenshot("journey-6-campaign-preview");

			// 8. Signs out.
			browser.tabTo(".cv-sign-out__button");
			browser.press(Keys.ENTER);
			browser.waitUpTo(WAIT).until(ExpectedConditions.urlContains("/sign-in"));
			browser.open("/events");
			assertThat(browser.path()).startsWith("/sign-in");
		}
	}

	@Test
	void everyNewPageHasNoSeriousOrCriticalAccessibilityProblems() throws IOException {
		understanding.flag(new SafeguardingConcern(null, null, "en", "Q3", "Axe check: I am scared to go home tonight",
				"danger", "keyword"));
		List<AxeResult> results = new ArrayList<>();
		try (Browser browser = Browser.start(base(), true)) {
			browser.open("/sign-in");
			browser.find("#username").sendKeys("admin");
			browser.find("#password").sendKeys(ADMIN_PASSWORD, Keys.ENTER);
			browser.waitUpTo(WAIT).until(ExpectedConditions.urlContains("/dashboard"));

			check(browser, results, "Create an event with errors", "/events/new", b -> {
				b.find("#event-form button[type=submit]").click();
				b.waitUpTo(WAIT).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".govuk-error-summary")));
			});
			check(browser, results, "Create an event", "/events/new", b -> {
			});
			browser.find("#kind").click();
			browser.find("#title").sendKeys("Axe roundtable");
			browser.find("#date-day").sendKeys("1");
			browser.find("#date-month").sendKeys("12");
			browser.find("#date-year").sendKeys("2026");
			browser.find("#host").sendKeys("NCVO");
			browser.find("#nation").sendKeys("England");
			browser.find("#event-form button[type=submit]").click();
			browser.waitUpTo(WAIT).until(ExpectedConditions.presenceOfElementLocated(By.id("join-code")));
			String code = browser.text("#join-code");
			check(browser, results, "An event", "/events/" + code, b -> {
			});
			check(browser, results, "Events", "/events", b -> {
			});
			check(browser, results, "Edit an event", "/events/" + code + "/edit", b -> {
			});
			check(browser, results, "Close an event with errors", "/events/" + code + "/close", b -> {
				b.find("main form button[type=submit]").click();
				b.waitUpTo(WAIT).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".govuk-error-summary")));
			});
			check(browser, results, "Imports", "/imports", b -> {
			});
			Path bad = Path.of("target", "axe-bad.csv").toAbsolutePath();
			Files.writeString(bad, "question,text\nQ9,Axe bad row\nQ2,\n");
			check(browser, results, "Imports with bad rows", "/imports", b -> {
				b.find("#file").sendKeys(bad.toString());
				b.find("#import-form button[type=submit]").click();
				b.waitUpTo(WAIT).until(ExpectedConditions.presenceOfElementLocated(By.id("import-problems")));
			});
			Path good = Path.of("target", "axe-good.csv").toAbsolutePath();
			Files.writeString(good, "event_code,question,text\n" + code + ",Q3,Axe check note about funding rules\n");
			check(browser, results, "Import done (dry run)", "/imports", b -> {
				b.find("#file").sendKeys(good.toString());
				b.find("#dryRun").click();
				b.find("#import-form button[type=submit]").click();
				b.waitUpTo(WAIT).until(ExpectedConditions.urlContains("/imports/done"));
			});
			check(browser, results, "Exports", "/exports?question=Q3", b -> {
			});
			check(browser, results, "Audit log", "/audit", b -> {
			});
			check(browser, results, "Audit log, events only", "/audit?action=event.", b -> {
			});
			check(browser, results, "Safeguarding review", "/safeguarding", b -> {
			});
			check(browser, results, "Safeguarding review with an error", "/safeguarding", b -> {
				b.find(".cv-flag form button[type=submit]").click();
				b.waitUpTo(WAIT).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".govuk-error-summary")));
			});
			long noteId = jdbc.sql("SELECT id FROM contributions WHERE text = 'Axe check note about funding rules' "
					+ "ORDER BY id DESC LIMIT 1")
				.query(Long.class)
				.optional()
				.orElseGet(() -> -1L);
			if (noteId < 0) {
				browser.open("/imports");
				browser.find("#file").sendKeys(good.toString());
				browser.find("#import-form button[type=submit]").click();
				browser.waitUpTo(WAIT).until(ExpectedConditions.urlContains("/imports/done"));
				noteId = jdbc.sql("SELECT id FROM contributions WHERE text = 'Axe check note about funding rules' "
						+ "ORDER BY id DESC LIMIT 1")
					.query(Long.class)
					.single();
			}
			annotations.assignByModel(noteId, "theme", "axe funding", "axe-themes", "1");
			annotations.assignByModel(noteId, "principle", "partnership", "axe-themes", "1");
			check(browser, results, "Record with labels", "/record?event=" + code + "&theme=axe+funding", b -> {
			});
			check(browser, results, "Dashboard under an event", "/dashboard?event=" + code, b -> {
			});
		}
		writeReport(results);
		for (AxeResult result : results) {
			assertThat(result.seriousOrCritical()).as(result.page() + " (" + result.path() + "):\n"
					+ result.describe(result.seriousOrCritical())).isEmpty();
		}
	}

	/** Types a message and waits for a reply containing the words expected. */
	private static void say(Browser browser, String message, String expected) {
		int before = browser.findAll(".cv-bubble--bot").size();
		browser.press(message, Keys.ENTER);
		browser.waitUpTo(WAIT)
			.until(d -> browser.findAll(".cv-bubble--bot").size() > before && browser.findAll(".cv-bubble--bot")
				.stream()
				.skip(before)
				.anyMatch(bubble -> bubble.getText().contains(expected)));
		browser.waitUpTo(WAIT).until(d -> "message".equals(browser.focused().getAttribute("id")));
	}

	private static void check(Browser browser, List<AxeResult> results, String name, String path,
			Consumer<Browser> then) {
		browser.open(path);
		then.accept(browser);
		results.add(browser.axe(name));
		browser.screenshot("page-" + name.toLowerCase().replaceAll("[^a-z0-9]+", "-"));
	}

	private static void writeReport(List<AxeResult> results) throws IOException {
		StringBuilder report = new StringBuilder("# axe-core results: events, imports, exports, audit, safeguarding, "
				+ "labels, dashboard under an event\n\n| page | path | rules passed | violations | serious or critical |\n"
				+ "|---|---|---|---|---|\n");
		for (AxeResult result : results) {
			report.append("| ").append(result.page()).append(" | `").append(result.path()).append("` | ")
				.append(result.passes()).append(" | ").append(result.violations().size()).append(" | ")
				.append(result.seriousOrCritical().size()).append(" |\n");
		}
		for (AxeResult result : results) {
			if (!result.violations().isEmpty()) {
				report.append("\n## ").append(result.page()).append("\n\n```\n")
					.append(result.describe(result.violations())).append("\n```\n");
			}
		}
		Files.createDirectories(AXE_REPORT.getParent());
		Files.writeString(AXE_REPORT, report.toString());
	}

	private String base() {
		return "http://localhost:" + port;
	}
}
