package org.covenantvoices.console;

import java.time.Duration;

import org.covenantvoices.support.Browser;
import org.covenantvoices.support.Browser.AxeResult;
import org.covenantvoices.support.IntegrationTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.crypto.password.PasswordEncoder;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The themes page in real headless Chromium: an organiser runs the analysis by keyboard, reads the themes with their
 * chart and tables, and axe-core finds no serious or critical problem. An analyst reads the themes but has no button
 * to run them. Screenshots land in target/screenshots/.
 */
class ThemesBrowserTests extends IntegrationTest {

	private static final Duration WAIT = Duration.ofSeconds(30);

	@Autowired
	PasswordEncoder encoder;

	@BeforeAll
	static void chromium() {
		Browser.assumeInstalled();
	}

	@Test
	void anOrganiserFindsTheThemesOfAQuestionAndAnAnalystReadsThem() {
		String[] answers = { "the covenant needs an independent body to check that it is kept",
				"someone independent should report every year on whether the covenant is working",
				"there must be a watchdog that can name departments that break the covenant",
				"a yearly report to parliament would give the covenant real weight",
				"an independent commissioner should check progress and publish the results",
				"put the covenant into law so that it cannot be ignored",
				"the covenant should have a legal basis and not just be a promise",
				"make it statutory so councils have to follow it",
				"without a law behind it the covenant will be forgotten",
				"write the covenant into legislation so it lasts beyond this government" };
		for (int i = 0; i < answers.length; i++) {
			jdbc.sql("INSERT INTO contributions (source, question_id, text, represented_count, granularity, nation, language) "
					+ "VALUES (?, 'Q4', ?, ?, ?, 'wales', 'en')")
				.params(i % 2 == 0 ? "roundtable_note" : "telegram", answers[i], i % 2 == 0 ? 12 : 1,
						i % 2 == 0 ? "event_note" : "person")
				.update();
		}
		String organiser = ConsoleUsersFixture.user(jdbc, encoder, "themes-organiser", Role.ORGANISER);
		String analyst = ConsoleUsersFixture.user(jdbc, encoder, "themes-analyst", Role.ANALYST);

		try (Browser browser = Browser.start(base(), true)) {
			signIn(browser, organiser);
			browser.open("/themes?question=Q4");
			assertThat(browser.text("h1")).isEqualTo("Themes");
			assertThat(browser.find("nav").getText()).contains("Themes");
			browser.tabTo("#run-form button");
			browser.press(Keys.ENTER);
			browser.waitUpTo(WAIT).until(ExpectedConditions.presenceOfElementLocated(By.id("notice-title")));
			assertThat(browser.text(".govuk-notification-banner")).contains("Theme analysis has started");
			browser.waitUpTo(Duration.ofSeconds(120)).pollingEvery(Duration.ofSeconds(2)).until(d -> {
				browser.open("/themes?question=Q4");
				return !browser.findAll("#themes-table").isEmpty();
			});
			assertThat(browser.text("#themes-summary")).contains("answers, speaking for", "themes");
			assertThat(browser.findAll("svg.cv-chart__svg title")).isNotEmpty();
			assertThat(browser.findAll(".cv-theme blockquote")).hasSizeGreaterThanOrEqualTo(3);
			// The breakdown opens by keyboard and shows its tables.
			browser.tabTo("#theme-1 summary");
			browser.press(Keys.ENTER);
			assertThat(browser.text("#theme-1-sources")).containsAnyOf("Roundtable", "Telegram");
			assertThat(browser.text("#theme-1-nations")).contains("Wales");
			AxeResult axe = browser.axe("Themes");
			assertThat(axe.seriousOrCritical()).as(axe.describe(axe.seriousOrCritical())).isEmpty();
			browser.screenshot("themes");
		}

		try (Browser browser = Browser.start(base(), false)) {
			signIn(browser, analyst);
			browser.open("/themes?question=Q4");
			assertThat(browser.findAll("#themes-table")).isNotEmpty();
			assertThat(browser.findAll("#run-form")).isEmpty();
			AxeResult axe = browser.axe("Themes as an analyst");
			assertThat(axe.seriousOrCritical()).as(axe.describe(axe.seriousOrCritical())).isEmpty();
		}
	}

	private String base() {
		return "http://localhost:" + port;
	}

	private static void signIn(Browser browser, String username) {
		browser.open("/sign-in");
		browser.find("#username").sendKeys(username);
		browser.find("#password").sendKeys(ConsoleUsersFixture.PASSWORD, Keys.ENTER);
		browser.waitUpTo(WAIT).until(ExpectedConditions.urlContains("/dashboard"));
	}
}
