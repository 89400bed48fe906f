package org.covenantvoices.console;

import org.covenantvoices.support.Client;
import org.covenantvoices.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.crypto.password.PasswordEncoder;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/** The record API: signed-in roles only, paged, filtered, with clear reasons for bad filters. */
class RecordApiTests extends IntegrationTest {

	@Autowired
	PasswordEncoder encoder;

	@Test
	void theRecordNeedsASignIn() {
		assertThat(client.get("/api/contributions", null, null).status()).isEqualTo(401);
		assertThat(client.get("/api/contributions", "admin", "wrong").status()).isEqualTo(401);
		assertThat(client.get("/api/export/contributions.csv", null, null).status()).isEqualTo(401);
		assertThat(client.asAdmin("/api/contributions").status()).isEqualTo(200);
	}

	@Test
	void anAnalystCanReadAndExport() {
		jdbc.sql("INSERT INTO console_users (username, password_hash, role) VALUES ('analyst1', ?, 'ANALYST') "
				+ "ON CONFLICT DO NOTHING").param(encoder.encode("analyst-password")).update();
		assertThat(client.get("/api/contributions", "analyst1", "analyst-password").status()).isEqualTo(200);
		assertThat(client.get("/api/export/contributions.csv", "analyst1", "analyst-password").status())
			.isEqualTo(200);
	}

	@Test
	void onlyAdminsReadWhatPeopleWroteWordForWord() {
		jdbc.sql("INSERT INTO console_users (username, password_hash, role) VALUES ('analyst2', ?, 'ANALYST') "
				+ "ON CONFLICT DO NOTHING").param(encoder.encode("analyst-password")).update();
		Client.Phone phone = client.phone(newNumber());
		phone.startAtQuestionOne();
		phone.send("no");
		phone.send("Ring me on 07700 900456 or write to sam@example.org, it is about our hall");
		String participant = participantOf(phone);
		String path = "/api/contributions?questionId=Q1&size=500";
		String asAnalyst = client.get(path, "analyst2", "analyst-password").body();
		assertThat(asAnalyst).contains("it is about our hall", "[redacted]")
			.doesNotContain("07700 900456", "sam@example.org");
		assertThat(client.asAdmin(path).body()).contains("07700 900456", "sam@example.org");
		long id = jdbc.sql("SELECT id FROM contributions WHERE participant_id = ? AND question_id = 'Q1' "
				+ "AND superseded_at IS NULL").param(participant).query(Long.class).single();
		assertThat(client.get("/api/contributions/" + id, "analyst2", "analyst-password").body())
			.doesNotContain("07700 900456");
	}

	@Test
	void filtersByQuestionSourceAndDateWithPaging() {
		Client.Phone phone = client.phone(newNumber());
		phone.startAtQuestionOne();
		phone.send("no");
		phone.send("It misses accountability");
		phone.send("Named contacts in each department");

		JsonNode q2 = client.asAdmin("/api/contributions?questionId=q2&source=simulator&from=2020-01-01&size=500").json();
		assertThat(q2.get("items").valueStream())
			.allSatisfy(item -> assertThat(item.get("questionId").asString()).isEqualTo("Q2"))
			.anySatisfy(item -> assertThat(item.get("text").asString()).isEqualTo("Named contacts in each department"));
		assertThat(q2.get("page").asInt()).isZero();
		assertThat(q2.get("size").asInt()).isEqualTo(500);
		assertThat(q2.get("total").asLong()).isEqualTo(q2.get("items").size());

		JsonNode onePerPage = client.asAdmin("/api/contributions?size=1&page=1").json();
		assertThat(onePerPage.get("items").size()).isEqualTo(1);
		assertThat(onePerPage.get("total").asLong()).isGreaterThanOrEqualTo(2);

		JsonNode future = client.asAdmin("/api/contributions?from=2999-01-01").json();
		assertThat(future.get("items").size()).isZero();
		assertThat(future.get("total").asLong()).isZero();

		// Other tests of the run answer by Telegram too: the filter keeps only theirs.
		JsonNode telegram = client.asAdmin("/api/contributions?source=telegram&size=500").json();
		assertThat(telegram.get("items").valueStream())
			.allSatisfy(item -> assertThat(item.get("source").asString()).isEqualTo("telegram"));
	}

	@Test
	void badFiltersGetAReason() {
		assertReason("/api/contributions?questionId=Q9", "questionId must be one of Q1 to Q6");
		assertReason("/api/contributions?source=fax", "source must be one of");
		assertReason("/api/contributions?from=yesterday", "from must be a date like 2026-11-28");
		assertReason("/api/contributions?from=2026-02-01&to=2026-01-01", "from must be before to");
		assertReason("/api/contributions?size=100000", "size must be from 1 to 500");
		assertReason("/api/contributions?page=-1", "page must be 0 or more");
		assertReason("/api/contributions?page=abc", "page has the wrong form");
		assertReason("/api/export/contributions.csv?to=31/12/2026", "to must be a date");
		assertReason("/api/export/contributions.jsonl?includeSuperseded=maybe", "includeSuperseded has the wrong form");
		assertReason("/api/export/consult.zip?questionId=Q0", "questionId must be one of Q1 to Q6");
	}

	@Test
	void answersThatLookLikeFormulasAreDefusedInTheCsv() {
		Client.Phone phone = client.phone(newNumber());
		phone.startAtQuestionOne();
		phone.send("no");
		phone.send("=HYPERLINK(\"http://evil.example\",\"click\")");
		String csv = client.asAdmin("/api/export/contributions.csv?questionId=Q1").body();
		assertThat(csv).startsWith("\uFEFFid,participantId");
		assertThat(csv).contains("'=HYPERLINK(").doesNotContain(",=HYPERLINK(");
	}

	private void assertReason(String path, String reason) {
		Client.Response response = client.asAdmin(path);
		assertThat(response.status()).as(path).isEqualTo(400);
		assertThat(response.json().get("error").asString()).as(path).contains(reason);
	}
}
