package org.covenantvoices.record;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.covenantvoices.support.Client;
import org.covenantvoices.support.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The i.AI Consult / ThemeFinder ZIP passes a schema check written from Consult's published input schemas (the JSON
 * Schemas in github.com/i-dot-ai/consult, backend/consultations/import_schema/inputs/respondent.json and
 * response.json; see src/test/resources/consult-schema), and a respondent keeps their themefinder_id from one export
 * to the next. The Flow Results package follows the FLOIP Flow Results specification 1.0.0-rc1.
 */
class ConsultExportTests extends IntegrationTest {

	private static final SchemaRegistry SCHEMAS = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);

	private String analyst;

	private String organiser;

	private Instant since;

	@BeforeEach
	void users() {
		analyst = user("analyst-consult", "ANALYST");
		organiser = user("organiser-consult", "ORGANISER");
		since = jdbc.sql("SELECT now() - interval '1 second'").query(Instant.class).single();
	}

	@Test
	void theConsultZipMatchesConsultsSchemasAndKeepsThemefinderIds() throws IOException {
		Client.Phone individual = client.phone(newNumber());
		individual.startAtQuestionOne();
		individual.send("yes");
		individual.send("They are right, but add fairness");
		individual.send("Regular meetings with the council");
		Client.Phone quickOnly = client.phone(newNumber());
		quickOnly.startAtQuestionOne();
		quickOnly.send("no");
		quickOnly.send("skip");
		Client.Phone group = client.phone(newNumber());
		group.send("Hi");
		group.send("yes");
		group.send("2");
		group.send("15");
		group.send("3");
		group.send("Swansea");
		group.send("not sure");
		group.send("We could not agree");
		String code = client.postAs("/api/events", organiser, password(organiser), "application/json",
				"{\"kind\": \"online_session\", \"title\": \"Online Q&A\", \"date\": \"2026-11-12\", "
						+ "\"hostOrganisation\": \"ACEVO\"}")
			.json()
			.get("joinCode")
			.asString();
		assertThat(client.postAs("/api/imports?source=online_form", organiser, password(organiser), "text/csv",
				"event_code,question,text,represented_count\n" + code + ",Q3,Too many forms,1\n" + code
						+ ",general,Thank you for asking,1\n")
			.status()).isEqualTo(201);

		// The check itself catches what Consult would refuse.
		assertThat(schema("respondent.schema.json").validate(Client.JSON.readTree(
				"{\"themefinder_id\": 0, \"supplied_respondent_id\": \"x\", \"demographics\": {}}"))).isNotEmpty();
		assertThat(schema("response.schema.json").validate(Client.JSON.readTree(
				"{\"themefinder_id\": \"7\", \"text\": \"hi\"}"))).isNotEmpty();
		assertThat(schema("question.schema.json").validate(Client.JSON.readTree(
				"{\"question_number\": 1, \"question_text\": \"Q\", \"colour\": \"red\"}"))).isNotEmpty();

		Map<String, String> first = Zips.read(client.download(consultPath(), analyst, password(analyst)));
		checkAgainstConsultSchemas(first);
		assertThat(first.keySet()).containsSubsequence("respondents.jsonl", "question_part_1/question.json",
				"question_part_1/responses.jsonl", "question_part_2/question.json", "question_part_2/responses.jsonl",
				"question_part_3/question.json", "question_part_8/question.json");
		JsonNode q1 = Client.JSON.readTree(first.get("question_part_1/question.json"));
		assertThat(q1.get("question_number").asInt()).isEqualTo(1);
		assertThat(q1.get("question_text").asString()).contains("recognition, partnership, participation");
		assertThat(q1.get("multi_choice_options").valueStream().map(JsonNode::asString))
			.containsExactly("Yes", "No", "Not sure");

		Map<String, Long> ids = themefinderIds(first);
		String person = participantOf(individual);
		long personId = ids.get(person);
		assertThat(lines(first.get("question_part_1/responses.jsonl")))
			.anySatisfy(r -> {
				assertThat(r.get("themefinder_id").asLong()).isEqualTo(personId);
				assertThat(r.get("text").asString()).isEqualTo("They are right, but add fairness");
				assertThat(r.get("options").get(0).asString()).isEqualTo("Yes");
			})
			.anySatisfy(r -> {
				assertThat(r.get("themefinder_id").asLong()).isEqualTo(ids.get(participantOf(quickOnly)));
				assertThat(r.has("text")).isFalse();
				assertThat(r.get("options").get(0).asString()).isEqualTo("No");
			});
		JsonNode groupRespondent = lines(first.get("respondents.jsonl")).stream()
			.filter(r -> r.get("supplied_respondent_id").asString().equals(participantOf(group)))
			.findFirst()
			.orElseThrow();
		assertThat(groupRespondent.get("demographics").get("represented_count").asInt()).isEqualTo(15);
		assertThat(groupRespondent.get("demographics").get("nation").asString()).isEqualTo("wales");
		assertThat(groupRespondent.get("demographics").get("granularity").asString()).isEqualTo("group");

		// Between the exports: a new person answers, and the first person changes an answer.
		Client.Phone later = client.phone(newNumber());
		later.startAtQuestionOne();
		later.send("yes");
		later.send("Fine as they are");
		individual.send("BACK");
		individual.send("Named contacts in every department");

		Map<String, String> second = Zips.read(client.download(consultPath(), analyst, password(analyst)));
		checkAgainstConsultSchemas(second);
		Map<String, Long> again = themefinderIds(second);
		assertThat(again).containsAllEntriesOf(ids);
		assertThat(again).containsKey(participantOf(later));
		assertThat(lines(second.get("question_part_2/responses.jsonl")))
			.anySatisfy(r -> {
				assertThat(r.get("themefinder_id").asLong()).isEqualTo(personId);
				assertThat(r.get("text").asString()).isEqualTo("Named contacts in every department");
			});
	}

	@Test
	void theFlowResultsPackageDescribesEveryResponse() throws IOException {
		Client.Phone phone = client.phone(newNumber());
		phone.startAtQuestionOne();
		phone.send("not sure");
		phone.send("Fairness is missing");
		phone.send("Small grants with little paperwork");

		Map<String, String> files = Zips.read(
				client.download("/api/export/flow-results.zip?from=" + since, analyst, password(analyst)));
		assertThat(files.keySet()).containsExactly("datapackage.json", "responses.csv");
		JsonNode descriptor = Client.JSON.readTree(files.get("datapackage.json"));
		assertThat(descriptor.get("profile").asString()).isEqualTo("flow-results-package");
		assertThat(descriptor.get("flow_results_specification_version").asString()).isEqualTo("1.0.0-rc1");
		assertThat(descriptor.get("id").asString())
			.matches("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");
		assertThat(descriptor.get("created").asString()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d.*\\+00:00");
		JsonNode resource = descriptor.get("resources").get(0);
		assertThat(descriptor.get("resources").size()).isEqualTo(1);
		assertThat(resource.get("path").asString()).isEqualTo("responses.csv");
		assertThat(resource.get("schema").get("fields").valueStream().map(f -> f.get("name").asString()))
			.containsExactly("timestamp", "row_id", "contact_id", "question_id", "response", "response_metadata");
		JsonNode questions = resource.get("schema").get("questions");

		List<CSVRecord> rows = CSVFormat.RFC4180.builder()
			.setHeader()
			.setSkipHeaderRecord(true)
			.get()
			.parse(new StringReader(files.get("responses.csv")))
			.getRecords();
		assertThat(rows).isNotEmpty();
		Set<String> rowIds = new HashSet<>();
		for (CSVRecord row : rows) {
			assertThat(row.size()).isEqualTo(6);
			assertThat(rowIds.add(row.get("row_id"))).as("row_id %s is unique", row.get("row_id")).isTrue();
			assertThat(row.get("timestamp")).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}\\+00:00");
			JsonNode question = questions.get(row.get("question_id"));
			assertThat(question).as("question %s is described", row.get("question_id")).isNotNull();
			if (question.get("type").asString().equals("select_one")) {
				assertThat(question.get("type_options").get("choices").valueStream().map(JsonNode::asString))
					.contains(row.get("response"));
			}
			assertThat(Client.JSON.readTree(row.get("response_metadata")).isObject()).isTrue();
		}
		String contact = participantOf(phone);
		assertThat(rows).filteredOn(r -> r.get("contact_id").equals(contact))
			.extracting(r -> r.get("question_id") + "=" + r.get("response"))
			.containsExactly("Q1=not_sure", "Q1_why=Fairness is missing", "Q2=Small grants with little paperwork");
	}

	private String consultPath() {
		return "/api/export/consult.zip?from=" + since;
	}

	private void checkAgainstConsultSchemas(Map<String, String> files) throws IOException {
		Schema respondent = schema("respondent.schema.json");
		Schema response = schema("response.schema.json");
		Schema question = schema("question.schema.json");
		Set<Long> respondents = new HashSet<>();
		for (JsonNode line : lines(files.get("respondents.jsonl"))) {
			assertValid(respondent, line, "respondents.jsonl");
			assertThat(respondents.add(line.get("themefinder_id").asLong())).as("themefinder_id is unique").isTrue();
		}
		assertThat(respondents).isNotEmpty();
		for (Map.Entry<String, String> file : files.entrySet()) {
			if (file.getKey().endsWith("/question.json")) {
				assertValid(question, Client.JSON.readTree(file.getValue()), file.getKey());
				assertThat(file.getKey()).isEqualTo("question_part_"
						+ Client.JSON.readTree(file.getValue()).get("question_number").asInt() + "/question.json");
				assertThat(files).containsKey(file.getKey().replace("question.json", "responses.jsonl"));
			}
			else if (file.getKey().endsWith("/responses.jsonl")) {
				Set<Long> seen = new HashSet<>();
				for (JsonNode line : lines(file.getValue())) {
					assertValid(response, line, file.getKey());
					assertThat(respondents).as("every response has its respondent")
						.contains(line.get("themefinder_id").asLong());
					assertThat(seen.add(line.get("themefinder_id").asLong())).as("one response per respondent")
						.isTrue();
				}
			}
		}
	}

	private static void assertValid(Schema schema, JsonNode node, String file) {
		List<Error> errors = schema.validate(node);
		assertThat(errors).as("%s: %s", file, node).isEmpty();
	}

	private static Schema schema(String name) throws IOException {
		try (InputStream in = ConsultExportTests.class.getResourceAsStream("/consult-schema/" + name)) {
			return SCHEMAS.getSchema(in);
		}
	}

	private static Map<String, Long> themefinderIds(Map<String, String> files) {
		Map<String, Long> ids = new HashMap<>();
		for (JsonNode line : lines(files.get("respondents.jsonl"))) {
			ids.put(line.get("supplied_respondent_id").asString(), line.get("themefinder_id").asLong());
		}
		return ids;
	}

	static List<JsonNode> lines(String jsonl) {
		return jsonl.lines().filter(l -> !l.isBlank()).map(Client.JSON::readTree).toList();
	}
}
