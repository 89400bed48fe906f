package org.covenantvoices.conversation;

import java.util.List;
import java.util.Map;

import org.covenantvoices.platform.RedisKeys;
import org.covenantvoices.support.Client;
import org.covenantvoices.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.params.ScanParams;

import static org.assertj.core.api.Assertions.assertThat;

/** The words people can send at any point: STOP, START, SKIP, BACK, REPEAT, EXPLAIN, HELP, FORGET. */
class CommandTests extends IntegrationTest {

	@Autowired
	UnifiedJedis redis;

	@Autowired
	RedisKeys keys;

	/** Consents, skips the questions about them, and stops at question 2. */
	private Client.Phone atQuestionTwo() {
		Client.Phone phone = client.phone(newNumber());
		phone.startAtQuestionOne();
		assertThat(phone.last("yes")).contains("Why?");
		assertThat(phone.last("They fit")).contains("Question 2 of 6");
		return phone;
	}

	@Test
	void stopMeansSilenceUntilStart() {
		Client.Phone phone = atQuestionTwo();
		String participant = participantOf(phone);

		List<String> stopped = phone.send("Stop.");
		assertThat(stopped).singleElement().asString().contains("no more messages").contains("START");
		assertThat(status(participant)).isEqualTo("stopped");

		assertThat(phone.send("Working together on food banks")).isEmpty();
		assertThat(phone.send("HELP")).isEmpty();
		assertThat(phone.send("skip")).isEmpty();
		assertThat(answers(participant)).doesNotContainKey("Q2");

		List<String> back = phone.send("start");
		assertThat(back).hasSize(2);
		assertThat(back.get(0)).contains("Welcome back");
		assertThat(back.get(1)).contains("Question 2 of 6");
		assertThat(status(participant)).isEqualTo("active");
		assertThat(phone.last("Working together on food banks")).contains("Question 3 of 6");
		assertThat(answers(participant)).containsEntry("Q2", "Working together on food banks");
	}

	@Test
	void everyOptOutWordStopsEvenMidSentenceCaseOrSpacing() {
		for (String word : List.of("STOP", " stop ", "StopAll", "UNSUBSCRIBE", "cancel", "End", "quit", "revoke",
				"OPTOUT", "stop!")) {
			Client.Phone phone = client.phone(newNumber());
			phone.send("Hi");
			assertThat(phone.send(word)).as(word).singleElement().asString().contains("no more messages");
			assertThat(phone.send("Hello?")).as("after %s", word).isEmpty();
		}
	}

	@Test
	void skipMovesOnWithoutAnAnswer() {
		Client.Phone phone = atQuestionTwo();
		String participant = participantOf(phone);
		assertThat(phone.last("  sKiP ")).contains("Question 3 of 6");
		assertThat(phone.last("Too much paperwork")).contains("Question 4 of 6");
		assertThat(answers(participant)).doesNotContainKey("Q2").containsEntry("Q3", "Too much paperwork");
	}

	@Test
	void consentCannotBeSkipped() {
		Client.Phone phone = client.phone(newNumber());
		phone.send("Hi");
		List<String> replies = phone.send("SKIP");
		assertThat(replies.get(0)).contains("need your yes");
		assertThat(replies.get(1)).contains("Reply YES to start");
	}

	@Test
	void backKeepsTheEarlierAnswerAsASupersededVersion() {
		Client.Phone phone = atQuestionTwo();
		String participant = participantOf(phone);
		phone.send("Council meetings");
		assertThat(phone.last("back")).contains("Question 2 of 6");
		assertThat(phone.last("Meetings with the council, every month")).contains("Question 3 of 6");

		assertThat(answers(participant)).containsEntry("Q2", "Meetings with the council, every month");
		List<Map<String, Object>> versions = jdbc
			.sql("SELECT id, text, version, supersedes, superseded_at FROM contributions "
					+ "WHERE participant_id = ? AND question_id = 'Q2' ORDER BY version")
			.param(participant)
			.query()
			.listOfRows();
		assertThat(versions).hasSize(2);
		assertThat(versions.get(0)).containsEntry("text", "Council meetings").containsEntry("version", 1);
		assertThat(versions.get(0).get("superseded_at")).isNotNull();
		assertThat(versions.get(1).get("supersedes")).isEqualTo(versions.get(0).get("id"));
		assertThat(versions.get(1).get("superseded_at")).isNull();

		// Through the API, the earlier version shows only when asked for.
		String current = client.asAdmin("/api/contributions?questionId=Q2&size=500").body();
		String all = client.asAdmin("/api/contributions?questionId=Q2&includeSuperseded=true&size=500").body();
		assertThat(current).contains("Meetings with the council").doesNotContain("\"Council meetings\"");
		assertThat(all).contains("\"Council meetings\"");
	}

	@Test
	void backAtTheStartSaysThereIsNothingToGoBackTo() {
		Client.Phone phone = client.phone(newNumber());
		phone.send("Hi");
		phone.send("yes");
		phone.send("1");
		phone.send("back");
		assertThat(phone.send("back").get(0)).contains("nothing to go back to");
	}

	@Test
	void repeatExplainAndHelp() {
		Client.Phone phone = atQuestionTwo();
		assertThat(phone.send("REPEAT")).singleElement().asString().contains("Question 2 of 6");
		String explained = phone.send("explain").get(0);
		assertThat(explained).contains("Think of a time").doesNotContain("Question 2 of 6");
		assertThat(phone.send("?").get(0)).isEqualTo(explained);
		assertThat(phone.send("Help").get(0)).contains("SKIP", "BACK", "STOP", "FORGET");
		// None of these is taken as an answer.
		assertThat(phone.last("Longer grants")).contains("Question 3 of 6");
		assertThat(answers(participantOf(phone))).containsEntry("Q2", "Longer grants");
	}

	@Test
	void aChoiceThatIsNotUnderstoodIsAskedAgain() {
		Client.Phone phone = client.phone(newNumber());
		phone.send("Hi");
		phone.send("yes");
		List<String> replies = phone.send("purple");
		assertThat(replies.get(0)).contains("did not get that");
		assertThat(replies.get(1)).contains("Are you answering for");
		assertThat(phone.last("2")).contains("How many people");
		assertThat(phone.send("lots").get(0)).contains("number from 2 to 5000");
		assertThat(phone.last("40 of us")).contains("Where are you?");
	}

	@Test
	void forgetAsksFirstThenErasesPersonalDataFromPostgresAndRedis() {
		Client.Phone phone = atQuestionTwo();
		String participant = participantOf(phone);
		phone.send("Call me on 07700 900123 or email jo@example.org about our food bank");

		assertThat(phone.send("FORGET").get(0)).contains("Reply YES to delete");
		List<String> kept = phone.send("no");
		assertThat(kept.get(0)).contains("nothing has been deleted");
		assertThat(kept.get(1)).contains("Question 3 of 6");
		assertThat(status(participant)).isEqualTo("active");

		phone.send("forget me");
		List<String> gone = phone.send("yes");
		assertThat(gone).singleElement().asString().contains("deleted your details");

		Map<String, Object> row = jdbc.sql("SELECT status, address_hash, language FROM participants WHERE id = ?")
			.param(participant)
			.query()
			.singleRow();
		assertThat(row).containsEntry("status", "erased").containsEntry("address_hash", null);
		assertThat(count("SELECT count(*) FROM contact_addresses WHERE participant_id = ?", participant)).isZero();
		assertThat(count("SELECT count(*) FROM conversation_sessions WHERE participant_id = ?", participant)).isZero();
		assertThat(count("SELECT count(*) FROM outbound_messages WHERE participant_id = ?", participant)).isZero();
		assertThat(count("SELECT count(*) FROM inbound_messages WHERE participant_id = ? AND body <> ''", participant))
			.isZero();
		assertThat(count("SELECT count(*) FROM contributions WHERE participant_id = ?", participant)).isZero();
		assertThat(redis.exists(keys.participant(participant, "s"))).isFalse();
		List<String> left = new java.util.ArrayList<>();
		String cursor = ScanParams.SCAN_POINTER_START;
		do {
			var page = redis.scan(cursor, new ScanParams().match(keys.participant(participant, "*")).count(1000));
			left.addAll(page.getResult());
			cursor = page.getCursor();
		}
		while (!ScanParams.SCAN_POINTER_START.equals(cursor));
		assertThat(left).as("Redis keys left for the person").isEmpty();

		// The answers stay, anonymous and with contact details taken out.
		List<String> anonymous = jdbc.sql("SELECT text FROM contributions WHERE anonymised_at IS NOT NULL "
				+ "AND text LIKE '%food bank%' AND text LIKE '%redacted%'")
			.query(String.class)
			.list();
		assertThat(anonymous).anySatisfy(text -> assertThat(text).doesNotContain("07700", "jo@example.org")
			.contains("[redacted]"));

		// Texting again starts afresh as someone new.
		assertThat(phone.send("Hi").get(0)).contains("This is Covenant Voices");
		assertThat(participantOf(phone)).isNotEqualTo(participant);
	}

	private String status(String participant) {
		return jdbc.sql("SELECT status FROM participants WHERE id = ?").param(participant).query(String.class).single();
	}

	private long count(String sql, String participant) {
		return jdbc.sql(sql).param(participant).query(Long.class).single();
	}

	private Map<String, String> answers(String participant) {
		Map<String, String> answers = new java.util.HashMap<>();
		jdbc.sql("SELECT question_id, text FROM contributions WHERE participant_id = ? AND superseded_at IS NULL")
			.param(participant)
			.query((rs, n) -> answers.put(rs.getString(1), rs.getString(2)))
			.list();
		return answers;
	}
}
