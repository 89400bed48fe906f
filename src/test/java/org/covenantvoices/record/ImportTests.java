package org.covenantvoices.record;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

import org.covenantvoices.support.Client;
import org.covenantvoices.support.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/** Organisers import event notes and online-form responses: whole or not at all, and never twice. */
class ImportTests extends IntegrationTest {

	private String organiser;

	private String code;

	@BeforeEach
	void event() {
		organiser = user("organiser-imports", "ORGANISER");
		Client.Response created = client.postAs("/api/events", organiser, password(organiser), "application/json",
				"{\"kind\": \"roundtable\", \"title\": \"Swansea roundtable\", \"date\": \"2026-11-10\", "
						+ "\"hostOrganisation\": \"WCVA\", \"nation\": \"wales\", \"place\": \"Swansea\"}");
		code = created.json().get("joinCode").asString();
	}

	@Test
	void aBadRowIsNamedAndNothingIsImportedThenTheFixedFileImportsOnce() {
		String bad = """
				event_code,question,text,represented_count,organisation_type,nation,date,external_id
				%1$s,Q2,Shared budgets worked well,8,charity,wales,2026-11-10,n-1
				%1$s,Q7,Nobody knew who to call,5,community_group,wales,2026-11-10,n-2
				%1$s,Q3,Short notice for consultations,lots,faith_group,wales,2026-11-10,n-3
				""".formatted(code);
		Client.Response rejected = importCsv("roundtable_note", bad);
		assertThat(rejected.status()).isEqualTo(400);
		JsonNode body = rejected.json();
		assertThat(body.get("error").asString()).isEqualTo("The file has 2 problems. Nothing was imported.");
		assertThat(body.get("problems").valueStream()).extracting(
				p -> p.get("line").asInt() + " " + p.get("column").asString() + ": " + p.get("reason").asString())
			.containsExactly("3 question: must be Q1, Q2, Q3, Q4, Q5, Q6, general or other, not \"Q7\"",
					"4 represented_count: must be a whole number of people from 1 to 1000000, not \"lots\"");
		assertThat(notesOfTheEvent()).isZero();

		String fixed = bad.replace(",Q7,", ",Q3,").replace(",lots,", ",6,");
		JsonNode report = importCsv("roundtable_note", fixed).json();
		assertThat(report.get("added").asInt()).isEqualTo(3);
		assertThat(notesOfTheEvent()).isEqualTo(3);

		Client.Response again = importCsv("roundtable_note", fixed);
		assertThat(again.status()).isEqualTo(201);
		assertThat(again.json().get("added").asInt()).isZero();
		assertThat(again.json().get("unchanged").asInt()).isEqualTo(3);
		assertThat(notesOfTheEvent()).isEqualTo(3);

		// A corrected note with the same external id becomes a new version; the old one is kept, superseded.
		JsonNode corrected = importCsv("roundtable_note", fixed.replace("Shared budgets worked well",
				"Shared budgets worked very well")).json();
		assertThat(corrected.get("updated").asInt()).isEqualTo(1);
		assertThat(corrected.get("unchanged").asInt()).isEqualTo(2);
		assertThat(notesOfTheEvent()).isEqualTo(3);
		JsonNode versions = client.asAdmin("/api/contributions?includeSuperseded=true&eventCode=" + code
				+ "&questionId=Q2").json();
		assertThat(versions.get("items").valueStream()).extracting(i -> i.get("version").asInt() + " "
				+ i.get("text").asString() + " " + (i.get("supersededAt").isNull() ? "current" : "superseded"))
			.containsExactly("1 Shared budgets worked well superseded", "2 Shared budgets worked very well current");
	}

	@Test
	void rowsWithoutExternalIdsAreRecognisedByTheirContent() {
		String file = "question,text,date,represented_count\r\nQ4,Publish a yearly report card,28/11/2026,1\r\n"
				+ "Q4,Publish a yearly report card,28/11/2026,1\r\nQ5,Share what works on one website,2026-11-28,3\r\n";
		JsonNode first = importCsv("online_form", file).json();
		assertThat(first.get("added").asInt()).isEqualTo(2);
		assertThat(first.get("unchanged").asInt()).isEqualTo(1);
		JsonNode second = importCsv("online_form", file).json();
		assertThat(second.get("added").asInt()).isZero();
		assertThat(second.get("unchanged").asInt()).isEqualTo(3);
	}

	@Test
	void excelsCsvWithAByteOrderMarkQuotedNewlinesAndWelshImports() {
		String csv = "\uFEFFEvent code,Question,Text,Represented count,Organisation type,Nation,Date,External id\r\n"
				+ code + ",Q2,\"Roedd y bwrdd crwn yn dda.\r\nMae angen mwy o ŵyl a chymorth, medd Siân\",4,"
				+ "Community group,Cymru,10/11/2026,cy-1\r\n"
				+ code + ",general,\"He said \"\"plain words, please\"\"\",,,,,cy-2\r\n"
				+ ",,,,,,,\r\n,,,,,,,\r\n";
		Client.Response response = importCsv("event_minutes", csv);
		assertThat(response.status()).as(response.body()).isEqualTo(201);
		assertThat(response.json().get("added").asInt()).isEqualTo(2);

		JsonNode items = client.asAdmin("/api/contributions?eventCode=" + code + "&source=event_minutes").json()
			.get("items");
		assertThat(items.valueStream()).extracting(i -> i.get("text").asString()).containsExactly(
				"Roedd y bwrdd crwn yn dda.\nMae angen mwy o ŵyl a chymorth, medd Siân",
				"He said \"plain words, please\"");
		assertThat(items.get(0).get("nation").asString()).isEqualTo("wales");
		assertThat(items.get(0).get("organisationType").asString()).isEqualTo("community_group");
		assertThat(items.get(0).get("granularity").asString()).isEqualTo("event_note");
		assertThat(items.get(0).get("givenAt").asString()).isEqualTo("2026-11-10T00:00:00Z");
	}

	@Test
	void aBadRowAfterAQuotedNewlineIsNamedByItsRealLine() {
		String csv = "question,text,date\n" + "Q2,\"line one\nline two\nline three\",2026-11-01\n"
				+ "Q2,,2026-11-01\n";
		JsonNode problem = importCsv("online_form", csv).json().get("problems").get(0);
		assertThat(problem.get("line").asInt()).isEqualTo(5);
		assertThat(problem.get("row").asInt()).isEqualTo(3);
		assertThat(problem.get("column").asString()).isEqualTo("text");
		assertThat(problem.get("reason").asString()).contains("is empty");
	}

	@Test
	void filesThatAreNotUtf8OrHaveUnknownColumnsOrEventsAreRefusedWithReasons() {
		byte[] latin = "question,text,date\nQ2,Caf\u00e9 meetings,2026-11-01\n".getBytes(Charset.forName("windows-1252"));
		Client.Response notUtf8 = client.send("POST", "/api/imports?source=online_form", organiser,
				password(organiser), "text/csv", latin);
		assertThat(notUtf8.status()).isEqualTo(400);
		assertThat(notUtf8.json().get("problems").get(0).get("line").asInt()).isEqualTo(2);
		assertThat(notUtf8.json().get("problems").get(0).get("reason").asString()).contains("CSV UTF-8");

		JsonNode unknown = importCsv("online_form", "question,text,postcode\nQ2,Hello,LS1 4AP\n").json();
		assertThat(unknown.get("problems").get(0).get("column").asString()).isEqualTo("postcode");
		assertThat(unknown.get("problems").get(0).get("reason").asString()).startsWith("is not a column we know");

		JsonNode noEvent = importCsv("roundtable_note", "event_code,question,text\nZZZZ99,Q2,Hello\n").json();
		assertThat(noEvent.get("problems").get(0).get("reason").asString())
			.isEqualTo("there is no event with the code \"ZZZZ99\". Create the event first, or check the code");

		JsonNode noSource = importCsv(null, "question,text,date\nQ2,Hello,2026-11-01\n").json();
		assertThat(noSource.get("error").asString()).contains("Nothing was imported");
		assertThat(noSource.get("problems").get(0).get("reason").asString()).startsWith("Say where these rows come");
	}

	@Test
	void aDryRunChecksTheFileAndKeepsNothing() {
		String csv = "event_code,question,text,external_id\n" + code + ",Q6,Pool back-office costs,dry-1\n";
		Client.Response dry = client.postAs("/api/imports?source=roundtable_note&dryRun=true", organiser,
				password(organiser), "text/csv", csv);
		assertThat(dry.status()).isEqualTo(200);
		assertThat(dry.json().get("added").asInt()).isEqualTo(1);
		assertThat(dry.json().get("dryRun").asBoolean()).isTrue();
		assertThat(notesOfTheEvent()).isZero();
	}

	@Test
	void aFormUploadOfFiftyThousandRowsImportsWhole() {
		StringBuilder csv = new StringBuilder("event_code,question,text,represented_count,external_id\n");
		for (int i = 0; i < 50_000; i++) {
			csv.append(code).append(",Q").append(i % 6 + 1).append(",\"Note ").append(i)
				.append(": we need longer grants, and a named contact\",").append(i % 30 + 1).append(",big-")
				.append(i).append('\n');
		}
		byte[] body = multipart(csv.toString().getBytes(StandardCharsets.UTF_8));
		Client.Response response = client.send("POST", "/api/imports?source=roundtable_note", organiser,
				password(organiser), "multipart/form-data; boundary=covenant-boundary", body);
		assertThat(response.status()).as(response.body()).isEqualTo(201);
		assertThat(response.json().get("rows").asInt()).isEqualTo(50_000);
		assertThat(response.json().get("added").asInt()).isEqualTo(50_000);
		assertThat(notesOfTheEvent()).isEqualTo(50_000);

		JsonNode audit = client.asAdmin("/api/audit?action=import.csv&actor=" + organiser).json();
		assertThat(audit.get("items").get(0).get("details").get("added").asInt()).isEqualTo(50_000);

		// The other tests share this database and page through the record: take the 50,000 rows out again.
		long importId = response.json().get("importId").asLong();
		jdbc.sql("DELETE FROM contributions WHERE import_id = ?").param(importId).update();
		jdbc.sql("DELETE FROM imports WHERE id = ?").param(importId).update();
	}

	private long notesOfTheEvent() {
		return jdbc.sql("SELECT count(*) FROM contributions WHERE event_code = ? AND superseded_at IS NULL")
			.param(code)
			.query(Long.class)
			.single();
	}

	private Client.Response importCsv(String source, String csv) {
		return client.postAs("/api/imports" + (source == null ? "" : "?source=" + source), organiser,
				password(organiser), "text/csv", csv);
	}

	private static byte[] multipart(byte[] file) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		out.writeBytes(("--covenant-boundary\r\nContent-Disposition: form-data; name=\"file\"; "
				+ "filename=\"notes.csv\"\r\nContent-Type: text/csv\r\n\r\n").getBytes(StandardCharsets.UTF_8));
		out.writeBytes(file);
		out.writeBytes("\r\n--covenant-boundary--\r\n".getBytes(StandardCharsets.UTF_8));
		return out.toByteArray();
	}
}
