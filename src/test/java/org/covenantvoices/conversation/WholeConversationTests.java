package org.covenantvoices.conversation;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.covenantvoices.support.Client;
import org.covenantvoices.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/** A person walks through the whole engagement by text, and every answer lands in the record. */
class WholeConversationTests extends IntegrationTest {

	@Test
	void aGroupAnswersEveryQuestionAndTheRecordHoldsEachAnswerOnce() {
		Client.Phone phone = client.phone(newNumber());

		List<String> welcome = phone.send("Hello");
		assertThat(welcome).hasSize(2);
		assertThat(welcome.get(0)).contains("Covenant Voices");
		assertThat(welcome.get(1)).contains("Reply YES").contains("STOP");

		assertThat(phone.last("yes")).contains("Are you answering for");
		// Channels with buttons get the options with the question.
		assertThat(jdbc.sql("SELECT options::text FROM outbound_messages o JOIN inbound_messages i ON o.in_reply_to = i.id "
				+ "WHERE i.provider_message_id = ? AND o.options IS NOT NULL").param(phone.lastMessageId())
			.query(String.class).single())
			.contains("{\"text\": \"1\", \"label\": \"Just me\"}", "{\"text\": \"2\", \"label\": \"A group\"}");
		assertThat(phone.last("2")).contains("How many people");
		assertThat(phone.last("12")).contains("Where are you?");
		assertThat(phone.last("Wales")).contains("town, city or area");

		List<String> principles = phone.send("Cardiff");
		assertThat(String.join(" ", principles)).contains("Recognition", "Partnership", "Participation",
				"Transparency");
		assertThat(principles.get(principles.size() - 1)).contains("Question 1 of 6");

		assertThat(phone.last("Not sure")).contains("Why?");
		assertThat(phone.last("Recognition matters but money is missing")).contains("Question 2 of 6");
		assertThat(phone.last("Regular meetings with the council")).contains("Question 3 of 6");
		assertThat(phone.last("Short notice for consultations")).contains("Question 4 of 6");
		assertThat(phone.last("A yearly public report")).contains("Question 5 of 6");
		assertThat(phone.last("Share stories between towns")).contains("Question 6 of 6");
		assertThat(phone.last("Longer grants")).contains("anything else");
		assertThat(phone.last("Thank you for asking")).contains("published");
		assertThat(phone.last("YES")).contains("Thank you");

		String participant = participantOf(phone);
		JsonNode page = client.asAdmin("/api/contributions?size=500").json();
		List<JsonNode> mine = items(page).stream()
			.filter(item -> participant.equals(item.get("participantId").asString()))
			.toList();
		Map<String, JsonNode> byQuestion = mine.stream()
			.collect(Collectors.toMap(item -> item.get("questionId").asString(), item -> item));
		assertThat(mine).hasSize(7);
		assertThat(byQuestion).containsOnlyKeys("Q1", "Q2", "Q3", "Q4", "Q5", "Q6", "OTHER");

		JsonNode q1 = byQuestion.get("Q1");
		assertThat(q1.get("choice").asString()).isEqualTo("not_sure");
		assertThat(q1.get("text").asString()).isEqualTo("Recognition matters but money is missing");
		assertThat(byQuestion.get("Q3").get("text").asString()).isEqualTo("Short notice for consultations");
		assertThat(byQuestion.get("OTHER").get("text").asString()).isEqualTo("Thank you for asking");
		for (JsonNode item : mine) {
			assertThat(item.get("source").asString()).isEqualTo("simulator");
			assertThat(item.get("language").asString()).isEqualTo("en");
			assertThat(item.get("answeringAs").asString()).isEqualTo("group");
			assertThat(item.get("groupSize").asInt()).isEqualTo(12);
			assertThat(item.get("representedCount").asInt()).isEqualTo(12);
			assertThat(item.get("nation").asString()).isEqualTo("wales");
			assertThat(item.get("area").asString()).isEqualTo("Cardiff");
			assertThat(item.get("eventCode").isNull()).isTrue();
			assertThat(item.get("createdAt").asString()).isNotBlank();
			assertThat(item.get("id").asLong()).isPositive();
		}
		assertThat(page.toString()).doesNotContain(phone.number()).doesNotContain(phone.number().substring(1));

		Client.Response csv = client.asAdmin("/api/export/contributions.csv");
		assertThat(csv.status()).isEqualTo(200);
		assertThat(csv.contentType()).startsWith("text/csv");
		assertThat(csv.body()).contains("id,participantId,source,questionId,choice,text,language,answeringAs,"
				+ "groupSize,organisationType,nation,area,representedCount,eventCode");
		assertThat(csv.body()).contains("Short notice for consultations", "Longer grants", participant);
		assertThat(csv.body()).doesNotContain(phone.number()).doesNotContain(phone.number().substring(3));

		// Consent is recorded with the exact words shown, and the opt-in to hear about publication.
		List<Map<String, Object>> consents = jdbc
			.sql("SELECT purpose, decision, channel, wording FROM consent_records WHERE participant_id = ? ORDER BY id")
			.param(participant)
			.query()
			.listOfRows();
		assertThat(consents).hasSize(2);
		assertThat(consents.get(0)).containsEntry("purpose", "consultation")
			.containsEntry("decision", "given")
			.containsEntry("channel", "simulator");
		assertThat(welcome.get(1)).isEqualTo(consents.get(0).get("wording"));
		assertThat(consents.get(1)).containsEntry("purpose", "updates").containsEntry("decision", "given");
		assertThat(jdbc.sql("SELECT updates_opt_in FROM participants WHERE id = ?").param(participant)
			.query(Boolean.class).single()).isTrue();
		assertThat(jdbc.sql("SELECT completed_at IS NOT NULL FROM conversation_sessions WHERE participant_id = ?")
			.param(participant).query(Boolean.class).single()).isTrue();

		assertThat(phone.last("hello again")).contains("answered all our questions");
	}

	@Test
	void theNumberIsStoredOnlyEncryptedAndApartFromTheRecord() {
		Client.Phone phone = client.phone(newNumber());
		phone.send("Hi");
		phone.send("YES");
		String participant = participantOf(phone);

		String digits = phone.number().substring(1);
		List<String> tables = jdbc.sql("SELECT tablename FROM pg_tables WHERE schemaname = current_schema() "
				+ "AND tablename <> 'flyway_schema_history'")
			.query(String.class)
			.list();
		assertThat(tables).contains("participants", "contact_addresses", "inbound_messages", "contributions");
		for (String table : tables) {
			Long rows = jdbc.sql("SELECT count(*) FROM " + table + " t WHERE t::text LIKE ?")
				.param("%" + digits + "%")
				.query(Long.class)
				.single();
			assertThat(rows).as("rows of %s holding the number in clear", table).isZero();
		}
		byte[] ciphertext = jdbc.sql("SELECT ciphertext FROM contact_addresses WHERE participant_id = ?")
			.param(participant)
			.query(byte[].class)
			.single();
		assertThat(new String(ciphertext, java.nio.charset.StandardCharsets.ISO_8859_1)).doesNotContain(digits);
	}

	@Test
	void sayingNoToConsentKeepsNothingAndYesLaterStarts() {
		Client.Phone phone = client.phone(newNumber());
		phone.send("Hi");
		assertThat(phone.last("No")).contains("not kept anything");
		String participant = participantOf(phone);
		assertThat(phone.last("I think partnership is key")).contains("Reply YES to start");
		assertThat(jdbc.sql("SELECT count(*) FROM contributions WHERE participant_id = ?").param(participant)
			.query(Long.class).single()).isZero();
		assertThat(phone.last("yes")).contains("Are you answering for");
		assertThat(jdbc.sql("SELECT decision FROM consent_records WHERE participant_id = ? ORDER BY id")
			.param(participant).query(String.class).list()).containsExactly("declined", "given");
	}

	static List<JsonNode> items(JsonNode page) {
		return page.get("items").valueStream().toList();
	}
}
