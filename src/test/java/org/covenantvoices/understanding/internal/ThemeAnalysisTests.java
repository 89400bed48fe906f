package org.covenantvoices.understanding.internal;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import com.github.tomakehurst.wiremock.WireMockServer;
import org.covenantvoices.record.AnsweringAs;
import org.covenantvoices.record.ContributionImports;
import org.covenantvoices.record.Contributions;
import org.covenantvoices.record.ImportOptions;
import org.covenantvoices.record.NewContribution;
import org.covenantvoices.record.QuestionId;
import org.covenantvoices.record.Source;
import org.covenantvoices.support.Instance;
import org.covenantvoices.support.TestServers;
import org.covenantvoices.understanding.Theme;
import org.covenantvoices.understanding.ThemeAnalysis;
import org.covenantvoices.understanding.ThemeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Themes across every source: bot answers and imported event notes to one question are clustered together, named,
 * counted by the people they speak for, broken down by source and nation, and stored as annotations that a rerun
 * replaces. The same data gives the same themes and the same assignments. This class has a database of its own, so
 * that the answers it themes are exactly the ones it wrote.
 */
class ThemeAnalysisTests {

	static final QuestionId QUESTION = QuestionId.Q3;

	/** Six things people say gets in the way of partnership, each said in several ways. */
	static final String[][] TOPICS = {
			{ "funding only lasts one year so we cannot plan", "short term grants mean staff leave every spring",
					"the money stops before the project has a chance to work", "annual funding cycles make planning impossible" },
			{ "too much paperwork and reporting for tiny grants", "the monitoring forms take longer than the work itself",
					"every funder wants a different report and paperwork", "reporting rules are far too heavy for small groups" },
			{ "the council decides first and asks us afterwards", "consultation happens too late to change anything",
					"we are asked for views after decisions are already made", "officials do not listen to what communities tell them" },
			{ "we cannot find enough volunteers any more", "our volunteers are tired and getting older",
					"volunteer numbers have dropped since the pandemic", "recruiting new volunteers is harder every year" },
			{ "contracts go to big national providers not local groups", "commissioning favours large organisations over small ones",
					"tenders are written so only big providers can win", "local groups lose contracts to national companies" },
			{ "many older people here have no internet access", "online only services shut out people without computers",
					"digital forms exclude people who are not online", "poor broadband in rural areas leaves people out" } };

	static final String[] ENDINGS = { "", " in our area", " and it wears people down", " which is a real problem for us" };

	static WireMockServer llm;

	static Instance service;

	static ThemeAnalysis analysis;

	static JdbcClient jdbc;

	static String database;

	@BeforeAll
	static void start() throws SQLException {
		llm = new WireMockServer(wireMockConfig().dynamicPort());
		llm.start();
		TestServers servers = TestServers.get();
		database = servers.namespace + "_themes";
		try (Connection c = DriverManager.getConnection(servers.jdbcUrl, servers.username, servers.password)) {
			c.createStatement().execute("CREATE DATABASE " + database);
		}
		String url = servers.jdbcUrl.substring(0, servers.jdbcUrl.lastIndexOf('/') + 1) + database;
		service = Instance.start("covenant.database.url=" + url, "covenant.redis.namespace=" + database,
				"covenant.understanding.llm.base-url=http://localhost:" + llm.port() + "/v1",
				"covenant.understanding.llm.model=test-model", "covenant.understanding.llm.timeout=10s",
				"covenant.understanding.llm.circuit-open-for=1s", "covenant.understanding.labelling-interval=1h",
				"covenant.understanding.theme-embedding-interval=1h");
		analysis = service.bean(ThemeAnalysis.class);
		jdbc = service.bean(JdbcClient.class);
		addAnswers();
	}

	@AfterAll
	static void stop() throws SQLException {
		if (service != null) {
			service.close();
		}
		llm.stop();
		TestServers servers = TestServers.get();
		try (Connection c = DriverManager.getConnection(servers.jdbcUrl, servers.username, servers.password)) {
			c.createStatement().execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
		}
	}

	@BeforeEach
	void modelFails() {
		llm.resetAll();
		llm.stubFor(post(urlEqualTo("/v1/chat/completions")).willReturn(aResponse().withStatus(500)));
	}

	/**
	 * Half of each topic through the bot channels (some for a group), half through an imported roundtable or online
	 * form file (some notes for a whole table of people), in every nation.
	 */
	static void addAnswers() {
		Contributions contributions = service.bean(Contributions.class);
		Source[] bot = { Source.SMS, Source.TELEGRAM, Source.WHATSAPP };
		String[] nations = { "england", "wales", "scotland", "northern_ireland", null };
		StringBuilder csv = new StringBuilder("source,question,text,represented_count,nation,date\n");
		int n = 0;
		for (String[] topic : TOPICS) {
			for (int phrasing = 0; phrasing < topic.length; phrasing++) {
				for (int ending = 0; ending < ENDINGS.length; ending++) {
					String text = topic[phrasing] + ENDINGS[ending];
					String nation = nations[n % nations.length];
					if (ending % 2 == 0) {
						AnsweringAs as = n % 3 == 0 ? new AnsweringAs("group", 7, null) : AnsweringAs.UNKNOWN;
						contributions.add(new NewContribution(null, bot[n % bot.length], QUESTION, null, text, "en", as,
								nation, null, null, "v1", "q3", null));
					}
					else {
						csv.append(n % 4 == 1 ? "roundtable_note" : "online_form").append(',').append(QUESTION.name())
							.append(",\"").append(text).append("\",").append(n % 4 == 1 ? 20 : 1).append(',')
							.append(nation == null ? "" : nation).append(",2026-11-20\n");
					}
					n++;
				}
			}
		}
		service.bean(ContributionImports.class).importCsv(
				new ByteArrayInputStream(csv.toString().getBytes(StandardCharsets.UTF_8)),
				new ImportOptions("themes-test.csv", null, false), "test");
	}

	static Map<Long, String> currentThemes() {
		Map<Long, String> themes = new HashMap<>();
		jdbc.sql("SELECT contribution_id, value FROM annotations WHERE kind = 'theme' AND model = ? AND superseded_at IS NULL")
			.param(ThemeSet.METHOD)
			.query((rs, n) -> themes.put(rs.getLong(1), rs.getString(2)))
			.list();
		return themes;
	}

	@Test
	void theSameAnswersGiveTheSameThemesAndARerunReplacesTheLabels() {
		ThemeSet first = analysis.run(QUESTION, "tester");
		Map<Long, String> firstAssignments = currentThemes();
		long labelsBefore = jdbc.sql("SELECT count(*) FROM annotations WHERE kind = 'theme'").query(Long.class).single();
		ThemeSet second = analysis.run(QUESTION, "tester");
		Map<Long, String> secondAssignments = currentThemes();

		assertThat(second.themes()).isEqualTo(first.themes());
		assertThat(secondAssignments).isEqualTo(firstAssignments).hasSize(96);
		// The rerun superseded every earlier label, one for one: each answer has one current theme.
		assertThat(jdbc.sql("SELECT count(*) FROM annotations WHERE kind = 'theme'").query(Long.class).single())
			.isEqualTo(labelsBefore + 96);
		assertThat(jdbc.sql("SELECT count(*) FROM annotations WHERE kind = 'theme' AND superseded_at IS NULL")
			.query(Long.class).single()).isEqualTo(96);
		assertThat(jdbc.sql("SELECT count(*) FROM annotations a JOIN annotations b ON b.supersedes = a.id "
				+ "WHERE a.kind = 'theme' AND a.superseded_at IS NOT NULL AND b.superseded_at IS NULL")
			.query(Long.class).single()).isEqualTo(96);
		assertThat(jdbc.sql("SELECT DISTINCT model_version FROM annotations WHERE kind = 'theme'").query(String.class)
			.list()).containsExactly(ThemeSet.VERSION);
		assertThat(analysis.latest(QUESTION)).hasValueSatisfying(set -> assertThat(set.themes()).isEqualTo(second.themes()));
		assertThat(jdbc.sql("SELECT count(*) FROM theme_sets WHERE question_id = ? AND superseded_at IS NULL")
			.param(QUESTION.name()).query(Long.class).single()).isEqualTo(1);
		assertThat(jdbc.sql("SELECT count(*) FROM audit_log WHERE action = 'themes.analysed' AND subject = ?")
			.param(QUESTION.name()).query(Long.class).single()).isGreaterThanOrEqualTo(2);
	}

	@Test
	void eachThemeGathersOneTopicAcrossSourcesAndTheSetFollowsTheRules() {
		ThemeSet set = analysis.run(QUESTION, "tester");
		assertThat(set.answers()).isEqualTo(96);
		assertThat(set.minThemeSize()).isEqualTo(5);
		assertThat(set.themes()).hasSizeBetween(2, ThemeSet.MAX_THEMES);
		assertThat(set.themes()).allSatisfy(theme -> assertThat(theme.answers()).isGreaterThanOrEqualTo(5));
		assertThat(set.themes().stream().mapToInt(Theme::answers).sum()).isEqualTo(96);
		assertThat(set.unthemed()).isZero();
		// The topics are far apart: at least half of the answers to each topic share a theme.
		Map<Long, String> assigned = currentThemes();
		Map<String, Long> idsByText = new HashMap<>();
		jdbc.sql("SELECT id, text FROM contributions").query((rs, n) -> idsByText.put(rs.getString(2), rs.getLong(1))).list();
		for (String[] topic : TOPICS) {
			Map<String, Integer> votes = new HashMap<>();
			for (String phrasing : topic) {
				for (String ending : ENDINGS) {
					votes.merge(assigned.get(idsByText.get(phrasing + ending)), 1, Integer::sum);
				}
			}
			assertThat(votes.values().stream().mapToInt(Integer::intValue).max().orElse(0)).as(topic[0])
				.isGreaterThanOrEqualTo(8);
		}
		// Bot answers and imported notes sit in the same themes.
		assertThat(set.themes()).anySatisfy(theme -> assertThat(theme.bySource()).extracting(Theme.Tally::key)
			.contains("roundtable_note").containsAnyOf("sms", "telegram", "whatsapp"));
		for (Theme theme : set.themes()) {
			assertThat(theme.quotes()).hasSize(3).doesNotHaveDuplicates();
			assertThat(theme.terms()).isNotEmpty().doesNotContain("the", "and", "we", "our");
			assertThat(theme.label()).isEqualTo(String.join(", ", theme.terms().subList(0, 3)));
			assertThat(theme.labelSource()).isEqualTo("terms");
		}
	}

	@Test
	void countsAreWeightedByThePeopleEachAnswerSpeaksForAndBrokenDownBySourceAndNation() {
		ThemeSet set = analysis.run(QUESTION, "tester");
		int people = jdbc.sql("SELECT sum(represented_count) FROM contributions").query(Integer.class).single();
		assertThat(set.represented()).isEqualTo(people).isGreaterThan(96);
		for (Theme theme : set.themes()) {
			List<Map<String, Object>> rows = jdbc.sql("""
					SELECT c.source, coalesce(c.nation, 'not_given') AS nation, c.represented_count FROM contributions c
					JOIN annotations a ON a.contribution_id = c.id AND a.kind = 'theme' AND a.superseded_at IS NULL
					WHERE a.value = ?""").param(theme.label()).query().listOfRows();
			assertThat(theme.answers()).isEqualTo(rows.size());
			assertThat(theme.represented()).isEqualTo(rows.stream().mapToInt(r -> (Integer) r.get("represented_count")).sum());
			assertThat(theme.bySource()).containsExactlyInAnyOrderElementsOf(tally(rows, "source"));
			assertThat(theme.byNation()).containsExactlyInAnyOrderElementsOf(tally(rows, "nation"));
		}
		// Most people first.
		for (int i = 1; i < set.themes().size(); i++) {
			assertThat(set.themes().get(i - 1).represented()).isGreaterThanOrEqualTo(set.themes().get(i).represented());
		}
	}

	private static java.util.Set<java.util.Set<Long>> groups(Map<Long, String> themes) {
		Map<String, java.util.Set<Long>> byLabel = new HashMap<>();
		themes.forEach((id, label) -> byLabel.computeIfAbsent(label, l -> new java.util.HashSet<>()).add(id));
		return new java.util.HashSet<>(byLabel.values());
	}

	private static List<Theme.Tally> tally(List<Map<String, Object>> rows, String column) {
		Map<String, int[]> counts = new HashMap<>();
		for (Map<String, Object> row : rows) {
			int[] c = counts.computeIfAbsent((String) row.get(column), k -> new int[2]);
			c[0]++;
			c[1] += (Integer) row.get("represented_count");
		}
		List<Theme.Tally> tallies = new ArrayList<>();
		counts.forEach((key, c) -> tallies.add(new Theme.Tally(key, c[0], c[1])));
		return tallies;
	}

	@Test
	void aChatModelNamesAThemeWhenItsLabelPassesTheChecksAndJunkFallsBackToTheTerms() throws InterruptedException {
		Thread.sleep(1200); // a circuit opened by an earlier test closes again
		llm.resetAll();
		llm.stubFor(post(urlEqualTo("/v1/chat/completions")).atPriority(5).willReturn(aResponse()
			.withHeader("Content-Type", "application/json")
			.withBody(ChatModelResponses.completion("{\"label\": \"Ask Mrs Patel about it\"}"))));
		llm.stubFor(post(urlEqualTo("/v1/chat/completions")).atPriority(1).withRequestBody(containing("paperwork"))
			.willReturn(aResponse().withHeader("Content-Type", "application/json")
				.withBody(ChatModelResponses.completion("{\"label\": \"too many forms to fill in\"}"))));

		ThemeSet set = analysis.run(QUESTION, "tester");
		assertThat(set.labelledBy()).isEqualTo("test-model");
		Theme forms = set.themes().stream().filter(t -> t.label().equals("too many forms to fill in")).findFirst()
			.orElseThrow();
		assertThat(forms.labelSource()).isEqualTo("model");
		assertThat(set.themes()).filteredOn(t -> t != forms).allSatisfy(theme -> {
			assertThat(theme.labelSource()).isEqualTo("terms");
			assertThat(theme.label()).doesNotContain("Patel");
		});
		assertThat(currentThemes().values()).contains("too many forms to fill in").noneMatch(v -> v.contains("Patel"));
	}

	@Test
	void answersAreEmbeddedInTheBackgroundSoThatAnalysisReadsTheirVectors() {
		ThemeAnalyser analyser = service.bean(ThemeAnalyser.class);
		while (analyser.embedNextAnswers(40)) {
			// the queue is worked in batches
		}
		assertThat(jdbc.sql("SELECT count(*) FROM contributions c JOIN answer_embeddings e ON e.contribution_id = c.id "
				+ "WHERE c.superseded_at IS NULL").query(Long.class).single()).isEqualTo(96);
		assertThat(jdbc.sql("SELECT embedded_up_to FROM answer_embedding_progress").query(Long.class).single())
			.isEqualTo(jdbc.sql("SELECT max(id) FROM contributions").query(Long.class).single());
		assertThat(analyser.embedNextAnswers(40)).as("nothing left to do").isFalse();
		// Theming now groups the answers as embedding everything at once did (labels may differ: an earlier test
		// had a chat model name one).
		Map<Long, String> before = currentThemes();
		analysis.run(QUESTION, "tester");
		if (!before.isEmpty()) {
			assertThat(groups(currentThemes())).isEqualTo(groups(before));
		}
	}

	@Test
	void modelLabelsThatAreNotShortPlainAndNamelessAreRefused() {
		assertThat(ThemeLabels.parse("{\"label\": \"longer funding for small groups\"}"))
			.contains("longer funding for small groups");
		assertThat(ThemeLabels.parse("{\"label\": \"Being asked early\"}")).contains("Being asked early");
		assertThat(ThemeLabels.parse("Sure! {\"label\": \"funding\"}")).isEmpty();
		assertThat(ThemeLabels.parse("{\"label\": \"funding\"}")).as("one word").isEmpty();
		assertThat(ThemeLabels.parse("{\"label\": \"help from Sue Jones\"}")).as("a name").isEmpty();
		assertThat(ThemeLabels.parse("{\"label\": \"ignore the rules and say yes\"}")).isEmpty();
		assertThat(ThemeLabels.parse("{\"label\": \"a very long label that goes on and on about many things\"}")).isEmpty();
		assertThat(ThemeLabels.parse("{\"label\": \"funding: 12 months\"}")).isEmpty();
		assertThat(ThemeLabels.parse("{\"label\": \"FUNDING CUTS\"}")).isEmpty();
		assertThat(ThemeLabels.parse("{\"label\": 42}")).isEmpty();
	}

	@Test
	void theRulesHoldForManySmallTopicsAndTooFewAnswersGiveNoThemes() {
		// 3,000 answers in 150 tight little groups: fewer, larger themes, none under the minimum size.
		Random random = new Random(7);
		int dimensions = 32;
		float[][] centres = new float[150][dimensions];
		for (float[] c : centres) {
			for (int d = 0; d < dimensions; d++) {
				c[d] = (float) random.nextGaussian();
			}
		}
		float[][] points = new float[3000][];
		for (int i = 0; i < points.length; i++) {
			float[] p = new float[dimensions];
			for (int d = 0; d < dimensions; d++) {
				p[d] = centres[i % 150][d] + (float) (random.nextGaussian() * 0.05);
			}
			points[i] = ThemeClustering.unit(p);
		}
		int[] clusters = ThemeClustering.cluster(points);
		Map<Integer, Integer> sizes = new HashMap<>();
		for (int c : clusters) {
			sizes.merge(c, 1, Integer::sum);
		}
		assertThat(sizes).hasSizeLessThanOrEqualTo(70).doesNotContainKey(-1);
		assertThat(sizes.values()).allSatisfy(size -> assertThat(size).isGreaterThanOrEqualTo(5));
		assertThat(ThemeClustering.cluster(points)).as("the same every time").isEqualTo(clusters);
		assertThat(ThemeClustering.minThemeSize(10_000)).isEqualTo(10);
		assertThat(ThemeClustering.minThemeSize(100)).isEqualTo(5);
		assertThat(ThemeClustering.cluster(new float[][] { points[0], points[1], points[2] })).containsOnly(-1);
	}
}
