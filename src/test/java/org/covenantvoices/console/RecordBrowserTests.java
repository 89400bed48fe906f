package org.covenantvoices.console;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.covenantvoices.record.AnsweringAs;
import org.covenantvoices.record.Contributions;
import org.covenantvoices.record.NewContribution;
import org.covenantvoices.record.QuestionId;
import org.covenantvoices.record.Source;
import org.covenantvoices.support.Client;
import org.covenantvoices.support.IntegrationTest;
import org.covenantvoices.support.WebSession;
import org.covenantvoices.support.WebSession.Page;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.crypto.password.PasswordEncoder;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/** The record browser: filters, paging, redacted answers, and the same selection as CSV. */
class RecordBrowserTests extends IntegrationTest {

	@Autowired
	Contributions contributions;

	@Autowired
	PasswordEncoder encoder;

	private WebSession analyst;

	@BeforeEach
	void signIn() {
		analyst = WebSession.signedIn("http://localhost:" + port,
				ConsoleUsersFixture.user(jdbc, encoder, "record-analyst", Role.ANALYST), ConsoleUsersFixture.PASSWORD);
	}

	@Test
	void answersAreShownWithTheirContactDetailsTakenOut() {
		note(Source.ONLINE_FORM, QuestionId.Q3, "uk", "Write to jo.bloggs@example.org or ring 07700 900456 today");
		Page page = analyst.get("/record?question=Q3&source=online_form&nation=uk");
		assertThat(page.text()).contains("Write to", "today", "Online form", "UK-wide", "Q3: Barriers to partnership")
			.doesNotContain("jo.bloggs@example.org", "07700 900456");
	}

	@Test
	void filtersByQuestionSourceAndNation() {
		Client.Phone wales = client.phone(newNumber());
		wales.send("Hi");
		wales.send("yes");
		wales.send("1");
		wales.send("3");
		wales.send("Swansea");
		wales.send("no");
		wales.send("Record browser test from Wales");
		Client.Phone england = client.phone(newNumber());
		england.send("Hi");
		england.send("yes");
		england.send("1");
		england.send("1");
		england.send("Leeds");
		england.send("no");
		england.send("Record browser test from England");

		String walesOnly = analyst.get("/record?question=Q1&source=simulator&nation=wales&page=1").text();
		assertThat(walesOnly).contains("Record browser test from Wales").doesNotContain("Record browser test from England");
		String englandOnly = analyst.get("/record?question=Q1&nation=england").text();
		assertThat(englandOnly).contains("Record browser test from England").doesNotContain("from Wales");
		assertThat(analyst.get("/record?question=Q2&nation=wales").text()).doesNotContain("Record browser test");
		assertThat(analyst.get("/record?question=Q1&source=sms").text()).doesNotContain("Record browser test");
	}

	@Test
	void pagesThroughLongSelectionsAndLinksToTheSameSelectionAsCsv() {
		for (int i = 1; i <= 27; i++) {
			note(Source.EVENT_MINUTES, QuestionId.Q5, "northern_ireland", "Paging note " + i);
		}
		Page first = analyst.get("/record?question=Q5&source=event_minutes&nation=northern_ireland");
		Matcher total = Pattern.compile("Showing 1 to 25 of (\\d+) contributions").matcher(first.text());
		assertThat(total.find()).as(first.text()).isTrue();
		long count = Long.parseLong(total.group(1));
		assertThat(count).isGreaterThanOrEqualTo(27);
		assertThat(first.body()).contains("rel=\"next\"", "aria-current=\"page\"")
			.contains("href=\"/record?question=Q5&amp;source=event_minutes&amp;nation=northern_ireland&amp;page=2\"");

		Page last = analyst.get("/record?question=Q5&source=event_minutes&nation=northern_ireland&page=999");
		assertThat(last.text()).as("a page past the end shows the last one").contains("of " + count + " contributions")
			.contains("Paging note 27");
		assertThat(last.body()).contains("rel=\"prev\"").doesNotContain("rel=\"next\"");

		Matcher csvLink = Pattern.compile("href=\"(/api/export/contributions\\.csv[^\"]*)\"").matcher(first.body());
		assertThat(csvLink.find()).isTrue();
		String csv = client.asAdmin(csvLink.group(1).replace("&amp;", "&")).body();
		assertThat(csv).contains("Paging note 1", "Paging note 27", "northern_ireland").doesNotContain(",england,");
		assertThat(csv.lines().count() - 1).isEqualTo(count);
	}

	@Test
	void datesAreCheckedTheGovukWay() {
		assertThat(analyst.get("/record?from-day=1").text()).contains("Date from must include a month and year");
		Page notReal = analyst.get("/record?from-day=31&from-month=2&from-year=2026");
		assertThat(notReal.status()).isEqualTo(200);
		assertThat(notReal.body()).contains("<title>Error: Record - Covenant Voices</title>", "href=\"#from-day\"",
				"govuk-input--error");
		assertThat(notReal.text()).contains("Date from must be a real date");
		assertThat(analyst.get("/record?from-day=1&from-month=2&from-year=26").text())
			.contains("Year must include 4 numbers");
		assertThat(analyst.get("/record?from-day=2&from-month=2&from-year=2026&to-day=1&to-month=2&to-year=2026")
			.text()).contains("Date to must be the same as or after date from");
		assertThat(analyst.get("/record?from-day=1&from-month=1&from-year=2999").text())
			.contains("No contributions match");
	}

	@Test
	void theApiFiltersByNationToo() {
		note(Source.ONLINE_FORM, QuestionId.Q4, null, "No nation given");
		JsonNode none = client.asAdmin("/api/contributions?nation=not_given&questionId=Q4&size=500").json();
		assertThat(none.get("items").valueStream()).isNotEmpty()
			.allSatisfy(item -> assertThat(item.get("nation").isNull()).isTrue());
		JsonNode uk = client.asAdmin("/api/contributions?nation=UK&size=500").json();
		assertThat(uk.get("items").valueStream())
			.allSatisfy(item -> assertThat(item.get("nation").asString()).isEqualTo("uk"));
		Client.Response bad = client.asAdmin("/api/contributions?nation=atlantis");
		assertThat(bad.status()).isEqualTo(400);
		assertThat(bad.json().get("error").asString()).contains("nation must be one of england");
	}

	private void note(Source source, QuestionId question, String nation, String text) {
		contributions.add(new NewContribution(null, source, question, null, text, "en", AnsweringAs.UNKNOWN, nation,
				null, null, null, null, null));
	}
}
