package org.covenantvoices.console;

import java.time.LocalDate;
import java.util.UUID;

import org.covenantvoices.record.AnsweringAs;
import org.covenantvoices.record.Contributions;
import org.covenantvoices.record.Event;
import org.covenantvoices.record.EventDetails;
import org.covenantvoices.record.Events;
import org.covenantvoices.record.NewContribution;
import org.covenantvoices.record.QuestionId;
import org.covenantvoices.record.Source;
import org.covenantvoices.support.IntegrationTest;
import org.covenantvoices.support.WebSession;
import org.covenantvoices.support.WebSession.Page;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/** The dashboard under one event, by the way people took part, and the models' status. */
class DashboardByEventTests extends IntegrationTest {

	@Autowired
	Events events;

	@Autowired
	Contributions contributions;

	@Test
	void underAnEventOnlyItsContributionsCountByTheWayPeopleTookPart() {
		String tag = UUID.randomUUID().toString().substring(0, 8);
		Event event = events.create(new EventDetails("roundtable", "Dashboard event " + tag, LocalDate.of(2026, 11, 21),
				"WCVA", "wales", null), "admin");
		contributions.add(new NewContribution(null, Source.ROUNDTABLE_NOTE, QuestionId.Q4, null,
				"Dashboard event " + tag + " table one said publish progress every year", "en", AnsweringAs.UNKNOWN,
				"wales", null, event.joinCode(), null, null, null));
		contributions.add(new NewContribution(null, Source.EVENT_MINUTES, QuestionId.Q4, null,
				"Dashboard event " + tag + " minutes: a yearly report card", "en", AnsweringAs.UNKNOWN, "wales", null,
				event.joinCode(), null, null, null));
		contributions.add(new NewContribution(null, Source.ONLINE_FORM, QuestionId.Q5, null,
				"Dashboard event " + tag + " not under the event", "en", AnsweringAs.UNKNOWN, "wales", null, null,
				null, null, null));

		String analyst = user("analyst-dashboard-event", "ANALYST");
		WebSession web = WebSession.signedIn("http://localhost:" + port, analyst, password(analyst));
		Page page = web.get("/dashboard?event=" + event.joinCode().toLowerCase());
		assertThat(page.status()).isEqualTo(200);
		String text = page.text();
		assertThat(text).contains("2 contributions under the event Dashboard event " + tag,
				"People represented by question and the way they took part", "Event notes");
		assertThat(text).containsPattern("Q4: Making the Covenant count 0 0 0 2 0 0 2 2");
		assertThat(page.body()).contains("id=\"group-chart-title\"", "id=\"models-table\"");
		assertThat(text).contains("Chat model Not set up", "Embedding model");
	}
}
