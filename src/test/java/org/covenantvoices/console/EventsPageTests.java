package org.covenantvoices.console;

import java.util.Map;

import org.covenantvoices.support.IntegrationTest;
import org.covenantvoices.support.WebSession;
import org.covenantvoices.support.WebSession.Page;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Events in the console: created, shown with their join code and QR code, edited, closed and opened again. */
class EventsPageTests extends IntegrationTest {

	@Test
	void anOrganiserCreatesAnEventSeesHowToJoinEditsAndClosesIt() {
		String organiser = user("organiser-events-page", "ORGANISER");
		WebSession web = WebSession.signedIn("http://localhost:" + port, organiser, password(organiser));

		web.get("/events/new");
		Page empty = web.post("/events", Map.of());
		assertThat(empty.status()).isEqualTo(200);
		assertThat(empty.text()).contains("There is a problem", "Select what kind of event it is",
				"Enter the event's name", "Enter the date of the event", "Enter the organisation hosting the event",
				"Select the nation the event is in");
		assertThat(empty.body()).contains("href=\"#date-day\"");

		web.get("/events/new");
		Page created = web.post("/events", Map.of("kind", "roundtable", "title", "Swansea page roundtable",
				"date-day", "3", "date-month", "12", "date-year", "2026", "host", "SCVS", "nation", "wales", "place",
				"Civic Centre"));
		assertThat(created.status()).isEqualTo(302);
		String code = created.location().substring(created.location().lastIndexOf('/') + 1);
		assertThat(code).matches("[A-Z0-9]{6}");

		Page event = web.follow(created);
		assertThat(event.text()).contains("Event created. Its join code is " + code, "Swansea page roundtable",
				"3 December 2026", "SCVS", "Wales", "By text message: text " + code);
		assertThat(event.body()).contains("/events/" + code + "/qr.svg");

		Page qr = web.get("/events/" + code + "/qr.svg");
		assertThat(qr.status()).isEqualTo(200);
		assertThat(qr.header("Content-Type").orElse("")).startsWith("image/svg+xml");
		assertThat(qr.body()).contains("<svg", "<path", "join code " + code);

		web.get("/events/" + code + "/edit");
		Page edited = web.post("/events/" + code, Map.of("kind", "event", "title", "Swansea page event", "date-day",
				"4", "date-month", "12", "date-year", "2026", "host", "SCVS", "nation", "wales"));
		assertThat(edited.status()).isEqualTo(302);
		assertThat(web.follow(edited).text()).contains("Swansea page event", "4 December 2026");

		web.get("/events/" + code + "/close");
		Page noOutcome = web.post("/events/" + code + "/close", Map.of("attendees", "lots"));
		assertThat(noOutcome.text()).contains("Enter what came out of the event",
				"Number of people must be a whole number");
		Page closed = web.post("/events/" + code + "/close", Map.of("outcome", "Three asks agreed", "attendees",
				"24", "organisations", "SCVS\nSwansea Foodbank\n"));
		assertThat(closed.status()).isEqualTo(302);
		assertThat(web.follow(closed).text()).contains("The event has been closed", "Closed", "Three asks agreed",
				"Swansea Foodbank");
		assertThat(web.get("/events").text()).contains("Swansea page event", code, "Closed");

		web.get("/events/" + code);
		Page reopened = web.post("/events/" + code + "/reopen", Map.of());
		assertThat(web.follow(reopened).text()).contains("The event is open again");
		assertThat(jdbc.sql("SELECT count(*) FROM audit_log WHERE subject = ? AND action LIKE 'event.%'")
			.param(code)
			.query(Long.class)
			.single()).isGreaterThanOrEqualTo(4);
	}

	@Test
	void analystsReadEventsButCannotChangeThem() {
		String analyst = user("analyst-events-page", "ANALYST");
		WebSession web = WebSession.signedIn("http://localhost:" + port, analyst, password(analyst));
		assertThat(web.get("/events").text()).doesNotContain("Create an event");
		assertThat(web.get("/events/new").status()).isEqualTo(403);
		assertThat(web.get("/events/ZZZZZZ").status()).isEqualTo(404);
		assertThat(web.get("/events/not-a-code").status()).isEqualTo(404);
	}
}
