package org.covenantvoices.record;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import org.covenantvoices.support.Client;
import org.covenantvoices.support.IntegrationTest;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An answer with a phone number, an e-mail address and a postcode in it comes out redacted in every export format,
 * the same way each time; and no export carries the participant's own number.
 */
class RedactionTests extends IntegrationTest {

	private static final String ANSWER = "Ring Jo on 07700 900461 or mail jo.bloggs@example.org, we meet at CF10 1EP "
			+ "(see www.example.org/covenant)";

	private static final String REDACTED = "Ring Jo on [redacted] or mail [redacted], we meet at [redacted] "
			+ "(see [redacted])";

	@Test
	void contactDetailsInAnswersAreRedactedInEveryExport() {
		String analyst = user("analyst-redaction", "ANALYST");
		String organiser = user("organiser-redaction", "ORGANISER");
		Instant since = jdbc.sql("SELECT now() - interval '1 second'").query(Instant.class).single();
		String number = newNumber();
		Client.Phone phone = client.phone(number);
		phone.startAtQuestionOne();
		phone.send("yes");
		phone.send(ANSWER);
		assertThat(client.postAs("/api/imports?source=online_form", organiser, password(organiser), "text/csv",
				"question,text,date\nQ3,\"" + ANSWER.replace("Jo", "Sam") + "\",2026-11-01\n").status())
			.isEqualTo(201);

		Map<String, String> exports = new LinkedHashMap<>();
		String filter = "?from=" + since;
		exports.put("csv", client.get("/api/export/contributions.csv" + filter, analyst, password(analyst)).body());
		exports.put("jsonl",
				client.get("/api/export/contributions.jsonl" + filter, analyst, password(analyst)).body());
		Zips.read(client.download("/api/export/consult.zip" + filter, analyst, password(analyst)))
			.forEach((name, content) -> exports.put("consult " + name, content));
		Zips.read(client.download("/api/export/flow-results.zip" + filter, analyst, password(analyst)))
			.forEach((name, content) -> exports.put("flow results " + name, content));
		exports.put("summary", client.get("/api/export/summary.csv" + filter, analyst, password(analyst)).body());

		String national = "0" + number.substring(3);
		for (Map.Entry<String, String> export : exports.entrySet()) {
			assertThat(export.getValue()).as(export.getKey())
				.doesNotContain("07700 900461", "7700900461", "jo.bloggs@example.org", "CF10 1EP",
						"www.example.org")
				.doesNotContain(number, number.substring(1), national, number.substring(3));
		}
		for (String format : new String[] { "csv", "jsonl", "consult question_part_1/responses.jsonl",
				"flow results responses.csv" }) {
			assertThat(exports.get(format)).as(format).contains(REDACTED);
		}
		assertThat(exports.get("consult question_part_3/responses.jsonl")).contains(REDACTED.replace("Jo", "Sam"));

		// Deterministic: a second export of the same rows is the same, byte for byte.
		assertThat(client.get("/api/export/contributions.jsonl" + filter, analyst, password(analyst)).body())
			.isEqualTo(exports.get("jsonl"));
		// The record itself keeps what the person wrote, for the team; only what leaves is redacted.
		assertThat(new String(client.asAdmin("/api/contributions?questionId=Q1" + filter.replace('?', '&'))
			.body()
			.getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8)).contains("07700 900461");
	}
}
