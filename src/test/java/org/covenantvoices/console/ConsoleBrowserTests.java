package org.covenantvoices.console;

import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import org.covenantvoices.support.Browser;
import org.covenantvoices.support.Browser.AxeResult;
import org.covenantvoices.support.IntegrationTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.crypto.password.PasswordEncoder;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The console in real headless Chromium: an administrator's whole visit by keyboard alone, and axe-core on every page.
 * Screenshots land in target/screenshots/ and the accessibility results in target/axe-report.md.
 */
class ConsoleBrowserTests extends IntegrationTest {

	private static final Duration WAIT = Duration.ofSeconds(20);

	@Autowired
	PasswordEncoder encoder;

	@BeforeAll
	static void chromium() {
		Browser.assumeInstalled();
	}

	@Test
	void anAdministratorTriesTheConversationInEnglishAndWelshAndFindsTheAnswersByKeyboardAlone() {
		try (Browser browser = Browser.start(base(), true)) {
			browser.open("/dashboard");
			assertThat(browser.path()).startsWith("/sign-in");

			// The skip link comes first, and takes keyboard users past the header.
			browser.press(Keys.TAB);
			assertThat(browser.focused().getText()).isEqualTo("Skip to main content");
			browser.press(Keys.ENTER);
			browser.tabTo("#username");
			browser.press("admin", Keys.TAB);
			assertThat(browser.focused().getAttribute("id")).isEqualTo("password");
			browser.press(ADMIN_PASSWORD, Keys.ENTER);
			browser.waitUpTo(WAIT).until(ExpectedConditions.urlContains("/dashboard"));
			assertThat(browser.text("h1")).isEqualTo("Dashboard");

			browser.open("/simulator");
			browser.tabTo("#message");
			say(browser, "Hi", "Covenant Voices");
			say(browser, "yes", "Are you answering");
			say(browser, "1", "Where are you?");
			say(browser, "3", "Which town");
			say(browser, "Cardiff", "Question 1 of 6");
			say(browser, "yes", "Why?");
			say(browser, "Browser test: a named contact in every department", "Question 2 of 6");
			assertThat(browser.focused().getAttribute("id")).as("focus stays in the message box").isEqualTo("message");
			browser.screenshot("simulator-english");

			browser.tabTo("form[action='/simulator/new'] button");
			browser.press(Keys.ENTER);
			browser.waitUpTo(WAIT).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".cv-thread__empty")));
			browser.tabTo("#message");
			say(browser, "Helo", "Tecstiwch CYMRAEG");
			say(browser, "CYMRAEG", "Atebwch IE i ddechrau");
			say(browser, "ie", "Ydych chi'n ateb ar ran");
			say(browser, "1", "Ble ydych chi?");
			say(browser, "Cymru", "Pa dref");
			say(browser, "Caerdydd", "Cwestiwn 1 o 6");
			say(browser, "ie", "Pam?");
			say(browser, "Prawf porwr: mwy o gyfarfodydd lleol", "Cwestiwn 2 o 6");
			List<WebElement> welsh = browser.findAll(".cv-bubble--bot[lang='cy']");
			assertThat(welsh).as("Welsh replies are marked as Welsh for screen readers").isNotEmpty();
			browser.screenshot("simulator-welsh");

			browser.open("/dashboard?nation=wales&source=simulator");
			assertThat(browser.text("#record-summary")).contains("from Wales", "through Simulator");
			assertThat(browser.text("#question-by-source")).contains("Simulator");
			String q1 = browser.find("#questions-table tbody tr:first-child").getText();
			assertThat(q1).startsWith("Q1: The four principles");
			assertThat(Long.parseLong(q1.split(" ")[q1.split(" ").length - 2])).isGreaterThanOrEqualTo(2);
			assertThat(browser.text("#funnel-table")).contains("Reached Q2: What makes partnership work");
			assertThat(browser.text("#channels-table")).contains("Simulator Working", "SMS Not set up");
			browser.screenshot("dashboard");

			browser.open("/record");
			browser.tabTo("#question");
			browser.press("Q1");
			browser.tabTo("#nation");
			browser.press("Wales");
			browser.tabTo(".cv-filter-panel button[type=submit]");
			browser.press(Keys.ENTER);
			browser.waitUpTo(WAIT).until(ExpectedConditions.urlContains("question=Q1"));
			String results = browser.text("#main-content");
			assertThat(results).contains("Browser test: a named contact in every department",
					"Prawf porwr: mwy o gyfarfodydd lleol");
			assertThat(browser.findAll("blockquote[lang='cy']")).isNotEmpty();
			browser.screenshot("record");

			browser.open("/script");
			// Tabs are one stop for the Tab key; the arrow keys move between them.
			browser.tabTo("a.govuk-tabs__tab[href='#language-en']");
			browser.press(Keys.ARROW_RIGHT);
			assertThat(browser.focused().getAttribute("href")).endsWith("#language-cy");
			assertThat(browser.find("#language-cy").isDisplayed()).isTrue();
			assertThat(browser.text("#language-cy")).contains("Helo! Dyma Covenant Voices");
			browser.screenshot("script");

			browser.tabTo(".cv-sign-out__button");
			browser.press(Keys.ENTER);
			browser.waitUpTo(WAIT).until(ExpectedConditions.urlContains("/sign-in"));
			assertThat(browser.text("#main-content")).contains("You have signed out.");
			browser.open("/dashboard");
			assertThat(browser.path()).startsWith("/sign-in");
		}
	}

	@Test
	void everyPageHasNoSeriousOrCriticalAccessibilityProblems() throws IOException {
		ConsoleUsersFixture.user(jdbc, encoder, "axe-analyst", Role.ANALYST);
		List<AxeResult> results = new ArrayList<>();
		try (Browser browser = Browser.start(base(), true)) {
			check(browser, results, "Sign in", "/sign-in", b -> {
			});
			check(browser, results, "Sign in with errors", "/sign-in", b -> {
				b.find("form button[type=submit]").submit();
				b.waitUpTo(WAIT).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".govuk-error-summary")));
			});
			check(browser, results, "Accessibility statement", "/accessibility", b -> {
			});
			check(browser, results, "Cookies", "/cookies", b -> {
			});
			signIn(browser, "admin", ADMIN_PASSWORD);
			check(browser, results, "Simulator", "/simulator", b -> {
				b.find("#message").sendKeys("Hi", Keys.ENTER);
				b.waitUpTo(WAIT).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".cv-bubble--bot")));
			});
			check(browser, results, "Simulator with an error", "/simulator", b -> {
				b.find("#message").clear();
				b.find("#compose").submit();
				b.waitUpTo(WAIT).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".govuk-error-summary")));
			});
			check(browser, results, "Dashboard", "/dashboard", b -> {
			});
			check(browser, results, "Dashboard for one nation", "/dashboard?nation=wales", b -> {
			});
			check(browser, results, "Record", "/record", b -> {
			});
			check(browser, results, "Record with a wrong date", "/record?from-day=31&from-month=2&from-year=2026",
					b -> {
					});
			check(browser, results, "Conversation script", "/script", b -> {
			});
			check(browser, results, "Users", "/users", b -> {
			});
			check(browser, results, "Add a user with errors", "/users/new", b -> {
				b.find("form[action='/users'] button[type=submit]").click();
				b.waitUpTo(WAIT).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".govuk-error-summary")));
			});
			check(browser, results, "A user", "/users/axe-analyst", b -> {
			});
			check(browser, results, "Your account", "/account", b -> {
			});
			check(browser, results, "Page not found", "/users/no-such-user", b -> {
			});
			browser.open("/dashboard");
			browser.find(".cv-sign-out__button").click();
			signIn(browser, "axe-analyst", ConsoleUsersFixture.PASSWORD);
			check(browser, results, "Not allowed", "/users", b -> {
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
			.until(d -> browser.findAll(".cv-bubble--bot").size() > before
					&& browser.findAll(".cv-bubble--bot").stream().skip(before).anyMatch(b -> b.getText().contains(expected)));
		browser.waitUpTo(WAIT).until(d -> "message".equals(browser.focused().getAttribute("id")));
	}

	private static void signIn(Browser browser, String username, String password) {
		browser.open("/sign-in");
		browser.find("#username").sendKeys(username);
		browser.find("#password").sendKeys(password, Keys.ENTER);
		browser.waitUpTo(WAIT).until(ExpectedConditions.urlContains("/dashboard"));
	}

	private static void check(Browser browser, List<AxeResult> results, String name, String path,
			Consumer<Browser> then) {
		browser.open(path);
		then.accept(browser);
		results.add(browser.axe(name));
		browser.screenshot("page-" + name.toLowerCase().replaceAll("[^a-z0-9]+", "-"));
	}

	private static void writeReport(List<AxeResult> results) throws IOException {
		StringBuilder report = new StringBuilder("# axe-core results\n\nEvery page of the console, in headless Chromium, "
				+ "with every axe-core rule (WCAG 2.0, 2.1 and 2.2 A and AA, and best practice).\n\n"
				+ "| page | path | rules passed | violations | serious or critical |\n|---|---|---|---|---|\n");
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
		Files.createDirectories(Browser.AXE_REPORT.getParent());
		Files.writeString(Browser.AXE_REPORT, report.toString());
	}

	private String base() {
		return "http://localhost:" + port;
	}
}
