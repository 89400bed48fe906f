package org.covenantvoices.console;

import java.util.Map;
import java.util.UUID;

import org.covenantvoices.record.Annotation;
import org.covenantvoices.record.Annotations;
import org.covenantvoices.record.AnsweringAs;
import org.covenantvoices.record.Contribution;
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
import org.covenantvoices.understanding.SafeguardingConcern;
import org.covenantvoices.understanding.Understanding;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The record browser's filters by event, principle and theme; confirming and correcting a label, which records the
 * person's label beside the model's; and the safeguarding review queue.
 */
class RecordLabelsAndSafeguardingTests extends IntegrationTest {

	@Autowired
	Contributions contributions;

	@Autowired
	Annotations annotations;

	@Autowired
	Events events;

	@Autowired
	Understanding understanding;

	@Test
	void filtersByEventPrincipleAndThemeAndAPersonCorrectsATheme() {
		String tag = UUID.randomUUID().toString().substring(0, 8);
		Event event = events.create(new EventDetails("roundtable", "Labels test " + tag, java.time.LocalDate.of(2026, 11,
				20), "NCVO", "england", null), "admin");
		Contribution withEvent = contributions.add(new NewContribution(null, Source.ROUNDTABLE_NOTE, QuestionId.Q3,
				null, "Labels test " + tag + " funding rules are too tight", "en", AnsweringAs.UNKNOWN, "england", null,
				event.joinCode(), null, null, null));
		Contribution other = contributions.add(new NewContribution(null, Source.ONLINE_FORM, QuestionId.Q3, null,
				"Labels test " + tag + " other answer about trust", "en", AnsweringAs.UNKNOWN, "england", null, null,
				null, null, null));
		Annotation theme = annotations.assignByModel(withEvent.id(), "theme", "funding " + tag, "test-model", "1");
		annotations.assignByModel(withEvent.id(), "principle", "partnership", "test-model", "1");
		annotations.assignByModel(other.id(), "theme", "trust " + tag, "test-model", "1");

		String analyst = user("analyst-labels", "ANALYST");
		WebSession web = WebSession.signedIn("http://localhost:" + port, analyst, password(analyst));
		assertThat(web.get("/record?event=" + event.joinCode()).text()).contains("funding rules are too tight")
			.doesNotContain("other answer about trust");
		assertThat(web.get("/record?question=Q3&theme=funding+" + tag).text()).contains("funding rules are too tight")
			.doesNotContain("other answer about trust");
		Page byPrinciple = web.get("/record?question=Q3&principle=partnership&theme=trust+" + tag);
		assertThat(byPrinciple.text()).contains("No contributions match");
		assertThat(web.get("/record?event=" + event.joinCode()).text()).doesNotContain("safeguarding review queue");

		Page page = web.get("/record?theme=funding+" + tag);
		assertThat(page.body()).contains("/record/annotations/" + theme.id() + "/correct");
		Page corrected = web.post("/record/annotations/" + theme.id() + "/correct",
				Map.of("value", "funding rules " + tag, "back", "/record?theme=funding+" + tag + "&page=1"));
		assertThat(corrected.status()).isEqualTo(302);
		assertThat(corrected.location()).contains("/record?theme=funding+" + tag, "#contribution-" + withEvent.id());
		assertThat(web.follow(corrected).text()).contains("You corrected the theme to \"funding rules " + tag + "\"");
		assertThat(annotations.current(withEvent.id())).anySatisfy(a -> {
			assertThat(a.kind()).isEqualTo("theme");
			assertThat(a.value()).isEqualTo("funding rules " + tag);
			assertThat(a.organiser()).isEqualTo(analyst);
			assertThat(a.action()).isEqualTo("corrected");
		});
		assertThat(web.get("/record?theme=funding+rules+" + tag).text()).contains("funding rules are too tight",
				"by " + analyst + " (corrected)");

		Annotation principle = annotations.current(withEvent.id())
			.stream()
			.filter(a -> a.kind().equals("principle"))
			.findFirst()
			.orElseThrow();
		web.get("/record");
		Page confirmed = web.post("/record/annotations/" + principle.id() + "/confirm",
				Map.of("back", "https://elsewhere.example/"));
		assertThat(confirmed.location()).endsWith("/record#contribution-" + withEvent.id());
		assertThat(annotations.current(withEvent.id())).anySatisfy(a -> {
			assertThat(a.kind()).isEqualTo("principle");
			assertThat(a.action()).isEqualTo("confirmed");
		});
		web.get("/record");
		Page stale = web.post("/record/annotations/" + principle.id() + "/confirm", Map.of());
		assertThat(web.follow(stale).text()).contains("The label was not changed");
	}

	@Test
	void anOrganiserReviewsAFlaggedMessageAndTheReviewIsAudited() {
		String tag = UUID.randomUUID().toString().substring(0, 8);
		understanding.flag(new SafeguardingConcern(null, null, "en", "Q2", "Safeguarding page " + tag
				+ " I do not feel safe at home, ring me on 07700 900777", "danger", "keyword"));
		String organiser = user("organiser-safeguarding", "ORGANISER");
		WebSession web = WebSession.signedIn("http://localhost:" + port, organiser, password(organiser));
		assertThat(web.get("/record").text()).contains("Open the safeguarding review queue");
		Page queue = web.get("/safeguarding");
		assertThat(queue.text()).contains("Safeguarding page " + tag, "Danger", "Q2")
			.doesNotContain("07700 900777");
		long id = jdbc.sql("SELECT id FROM safeguarding_flags WHERE text LIKE ?")
			.param("%" + tag + "%")
			.query(Long.class)
			.single();

		Page noNote = web.post("/safeguarding/" + id + "/reviewed", Map.of("note", " "));
		assertThat(web.follow(noNote).text()).contains("Enter what you did about this message");
		Page reviewed = web.post("/safeguarding/" + id + "/reviewed", Map.of("note", "Passed to the safeguarding lead"));
		assertThat(web.follow(reviewed).text()).contains("The message has been marked as reviewed",
				"Passed to the safeguarding lead");
		assertThat(web.get("/safeguarding").body()).doesNotContain("id=\"flag-" + id + "\"");
		assertThat(jdbc.sql("SELECT count(*) FROM audit_log WHERE action = 'safeguarding.reviewed' AND subject = ? "
				+ "AND actor = ?")
			.params(String.valueOf(id), organiser)
			.query(Long.class)
			.single()).isEqualTo(1);

		String analyst = user("analyst-safeguarding", "ANALYST");
		assertThat(WebSession.signedIn("http://localhost:" + port, analyst, password(analyst)).get("/safeguarding")
			.status()).isEqualTo(403);
	}
}
