package org.covenantvoices.record;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.covenantvoices.support.Client;
import org.covenantvoices.support.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A participant at a roundtable texts its join code (the SMS path; the simulator drives the same engine and rules).
 * Their answers carry the event, and sit beside the event's imported notes in the record and its summary.
 */
class JoinCodeTests extends IntegrationTest {

	private String organiser;

	@BeforeEach
	void organiser() {
		organiser = user("organiser-joins", "ORGANISER");
	}

	@Test
	void aParticipantWhoTextsTheJoinCodeIsCountedBesideTheEventsNotes() {
		String code = createEvent("Cardiff roundtable", "wales");

		Client.Phone phone = client.phone(newNumber());
		// Typed as people type: lower case, with a space in the middle.
		List<String> first = phone.send(code.substring(0, 3).toLowerCase() + " " + code.substring(3).toLowerCase());
		assertThat(first.get(0)).isEqualTo("Thanks! Your answers will be linked to the event with code " + code + ".");
		assertThat(first).anySatisfy(reply -> assertThat(reply).contains("This is Covenant Voices"));
		assertThat(first.get(first.size() - 1)).contains("Reply YES to start");
		phone.send("yes");
		phone.send("1");
		phone.send("skip");
		phone.send("skip");
		phone.send("yes");
		phone.send("The principles are right");
		phone.send("Funding that lasts more than a year");

		JsonNode q2 = client.asAdmin("/api/contributions?eventCode=" + code.toLowerCase() + "&questionId=Q2").json();
		assertThat(q2.get("items").valueStream()).singleElement().satisfies(item -> {
			assertThat(item.get("eventCode").asString()).isEqualTo(code);
			assertThat(item.get("source").asString()).isEqualTo("simulator");
			assertThat(item.get("text").asString()).isEqualTo("Funding that lasts more than a year");
			assertThat(item.get("granularity").asString()).isEqualTo("person");
		});

		Client.Response imported = client.postAs("/api/imports?source=roundtable_note", organiser,
				password(organiser), "text/csv", """
						event_code,question,text,represented_count,organisation_type,date
						%s,Q2,Multi-year grants were the most common ask,12,charity,
						%s,general,The room wanted the Covenant in plain English,20,,
						""".formatted(code, code));
		assertThat(imported.status()).as(imported.body()).isEqualTo(201);

		JsonNode summary = client.asAdmin("/api/export/summary.json?eventCode=" + code).json();
		assertThat(summary.get("rows").valueStream().filter(r -> r.get("questionId").asString().equals("Q2")))
			.extracting(r -> r.get("source").asString() + " " + r.get("contributions").asLong() + " "
					+ r.get("peopleRepresented").asLong() + " " + r.get("eventTitle").asString())
			.containsExactlyInAnyOrder("simulator 1 1 Cardiff roundtable", "roundtable_note 1 12 Cardiff roundtable");
		// The notes take the event's nation where the file gives none.
		assertThat(summary.get("rows").valueStream().filter(r -> r.get("source").asString().equals("roundtable_note")))
			.allSatisfy(r -> assertThat(r.get("nation").asString()).isEqualTo("wales"));
		assertThat(summary.get("totals").get("peopleRepresented").asLong()).isEqualTo(1 + 1 + 12 + 20);
	}

	@Test
	void aJoinCodeMidConversationTagsTheAnswersFromThenOn() {
		String code = createEvent("Online session on partnership", null);
		Client.Phone phone = client.phone(newNumber());
		phone.startAtQuestionOne();
		phone.send("not sure");
		phone.send("Before the event");

		List<String> replies = phone.send("JOIN " + code);
		assertThat(replies.get(0)).contains(code);
		assertThat(replies.get(1)).contains("Question 2 of 6");
		phone.send("At the event");

		String participant = participantOf(phone);
		assertThat(jdbc.sql("SELECT question_id || ':' || coalesce(event_code, '-') FROM contributions "
				+ "WHERE participant_id = ? AND superseded_at IS NULL ORDER BY id").param(participant)
			.query(String.class)
			.list()).containsExactly("Q1:-", "Q2:" + code);
	}

	@Test
	void aClosedEventsCodeIsExplainedNotTakenAsAnAnswer() {
		String code = createEvent("Leeds event", "england");
		Client.Response closed = client.postAs("/api/events/" + code + "/close", organiser, password(organiser),
				"application/json", "{\"outcomeSummary\": \"Good turnout\", \"attendeeCount\": 40, "
						+ "\"organisationsAttended\": [\"NCVO\", \"Leeds Food Bank\"]}");
		assertThat(closed.status()).isEqualTo(200);

		Client.Phone phone = client.phone(newNumber());
		phone.startAtQuestionOne();
		List<String> replies = phone.send(code);
		assertThat(replies.get(0)).isEqualTo("Sorry, the event with code " + code
				+ " has ended. You can still give us your views.");
		assertThat(replies.get(1)).contains("Question 1 of 6");
		assertThat(jdbc.sql("SELECT count(*) FROM contributions WHERE participant_id = ?")
			.param(participantOf(phone))
			.query(Long.class)
			.single()).isZero();
	}

	@Test
	void joinCodesAreUniqueShortAndFreeOfLookAlikeCharacters() {
		Set<String> codes = new HashSet<>();
		for (int i = 0; i < 40; i++) {
			codes.add(createEvent("Event " + i, null));
		}
		assertThat(codes).hasSize(40).allSatisfy(code -> assertThat(code).matches("[A-HJKMNP-Z2-9]{6}")
			.doesNotContain("0", "O", "1", "I", "L")
			.containsPattern("[2-9]"));
	}

	private String createEvent(String title, String nation) {
		Client.Response created = client.postAs("/api/events", organiser, password(organiser), "application/json",
				Client.JSON.writeValueAsString(java.util.Map.of("kind", "roundtable", "title", title, "date",
						"2026-11-20", "hostOrganisation", "NCVO", "nation", nation == null ? "" : nation, "place",
						"Town hall")));
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		return created.json().get("joinCode").asString();
	}
}
