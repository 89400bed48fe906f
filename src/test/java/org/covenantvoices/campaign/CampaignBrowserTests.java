package org.covenantvoices.campaign;

import java.time.Duration;

import org.covenantvoices.support.Browser;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.support.ui.ExpectedConditions;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An organiser creates a campaign in real headless Chromium, sees its preview with the segment count, saves it and
 * runs a dry run; axe-core finds nothing serious on any of the pages.
 */
class CampaignBrowserTests extends CampaignTest {

	private static final Duration WAIT = Duration.ofSeconds(20);

	@BeforeAll
	static void chromium() {
		Browser.assumeInstalled();
	}

	@Test
	void anOrganiserCreatesACampaignAndSeesItsPreviewWithTheSegmentCount() {
		person("en");
		person("cy");
		String organiser = user("campaign-browser", "ORGANISER");
		try (Browser browser = Browser.start("http://localhost:" + port, true)) {
			browser.open("/sign-in");
			browser.find("#username").sendKeys(organiser);
			browser.find("#password").sendKeys(password(organiser));
			browser.find("form button[type=submit]").click();
			browser.waitUpTo(WAIT).until(ExpectedConditions.urlContains("/dashboard"));

			browser.open("/campaigns");
			assertThat(browser.text("h1")).isEqualTo("Campaigns");
			assertNothingSerious(browser, "Campaigns");
			browser.find("a[href='/campaigns/new']").click();
			browser.waitUpTo(WAIT).until(ExpectedConditions.urlContains("/campaigns/new"));
			assertNothingSerious(browser, "Create a campaign");

			browser.find("#name").sendKeys("Closes on Friday " + eventCode);
			browser.find("label[for=startedNotFinished]").click(); // off: only the opted-in
			browser.find("label[for=updatesOptIn]").click();
			browser.find("details summary").click();
			browser.find("#eventCode").sendKeys(eventCode);
			browser.find("#messageEn").sendKeys("The consultation closes on Friday. You've answered {answered} of "
					+ "{questions}. Reply to carry on.");
			browser.find("#messageCy").sendKeys("Mae'r ymgynghoriad yn cau ddydd Gwener. Rydych wedi ateb {answered} o "
					+ "{questions}.");
			// Counted as it is typed, with the fields filled in as the preview fills them.
			assertThat(browser.text("#messageEn-count")).startsWith("1 text message to each person.")
				.contains("characters left");
			// A Welsh letter outside the GSM alphabet makes each text hold less: the count says which, and recovers.
			browser.find("#messageCy").sendKeys(" ŵ");
			browser.waitUpTo(WAIT).until(ExpectedConditions.textToBePresentInElementLocated(By.id("messageCy-count"),
					"Because of ŵ, each text holds 70 characters, not 160"));
			assertThat(browser.text("#messageCy-count")).startsWith("1 text message to each person. 5 characters left.");
			browser.find("#messageCy").sendKeys(Keys.BACK_SPACE, Keys.BACK_SPACE);
			browser.waitUpTo(WAIT).until(ExpectedConditions.textToBePresentInElementLocated(By.id("messageCy-count"),
					"97 characters left."));
			assertThat(browser.text("#messageCy-count")).doesNotContain("Because");
			browser.find("#preview-button").click();
			browser.waitUpTo(WAIT).until(ExpectedConditions.presenceOfElementLocated(By.id("preview")));
			assertThat(browser.text("#preview-recipients")).isEqualTo("2");
			assertThat(browser.text("#preview-segments")).isEqualTo("2");
			assertThat(browser.text("#segments-en")).startsWith("1");
			assertThat(browser.text("#preview-cost")).isEqualTo("£0.08");
			assertThat(browser.text("#preview")).contains("You've answered 3 of 6", "GSM-7");
			browser.screenshot("campaign-preview");
			assertNothingSerious(browser, "Campaign preview");

			browser.find("#save-button").click();
			browser.waitUpTo(WAIT).until(ExpectedConditions.presenceOfElementLocated(By.id("campaign-status")));
			assertThat(browser.text("#campaign-status")).isEqualTo("draft");
			long id = Long.parseLong(browser.path().substring("/campaigns/".length()));
			created.add(id);
			browser.find("form[action$='/dry-run'] button").click();
			browser.waitUpTo(WAIT).until(ExpectedConditions.presenceOfElementLocated(By.id("preview")));
			assertThat(browser.text("#preview-recipients")).isEqualTo("2");
			browser.screenshot("campaign-dry-run");
			assertNothingSerious(browser, "Campaign dry run");
		}
	}

	private static void assertNothingSerious(Browser browser, String page) {
		Browser.AxeResult result = browser.axe(page);
		assertThat(result.seriousOrCritical()).as(result.page() + " (" + result.path() + "):\n"
				+ result.describe(result.seriousOrCritical())).isEmpty();
	}
}
