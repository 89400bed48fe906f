import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Theme analysis of [answers] answers to one question, from the packaged jar in local mode (embedded PostgreSQL and
 * Redis, no chat model). The answers are generated: sentence templates about a dozen real barriers, varied with
 * openers, details and places, plus phrases from the Covenant framework text (the seed), every answer different.
 * They are imported as roundtable notes, event minutes and online forms, as answers to [runs] questions (the same
 * answers each time), and each question is themed once through POST /api/themes/run?wait=true: every such run is
 * cold (no embedding kept yet). Prints each run, the median, then a rerun of the first question (embeddings kept).
 *
 * Default mode: the answers are imported to one question; the service embeds them in the background as it does
 * in production; once it has, the question is themed [runs] times. Mode "cold" instead imports them under [runs]
 * questions with background embedding off, and themes each once, so every run embeds all of them.
 *
 * Usage: java bench/Themes.java target/covenant-voices-*.jar [answers] [runs] [background|cold]
 */
public class Themes {

	static final String[] OPENERS = { "", "Honestly, ", "From our experience, ", "In our town ", "For small groups ",
			"As a volunteer ", "Speaking for our charity, ", "I think ", "The main thing is that ", "Sadly ",
			"At the roundtable we agreed that ", "Our trustees feel " };

	static final String[][] TOPICS = {
			{ "funding only lasts a year so we cannot plan ahead", "short term grants mean good staff leave",
					"money stops before projects can prove they work", "annual funding rounds make long term work impossible",
					"we spend more time chasing grants than helping people" },
			{ "there is far too much paperwork for small grants", "monitoring forms take longer than the work itself",
					"every funder asks for a different report", "reporting rules are too heavy for volunteers",
					"the application forms need a specialist to fill in" },
			{ "the council decides first and asks us afterwards", "consultation comes too late to change anything",
					"officials do not listen to what communities tell them", "we are asked for views after decisions are made",
					"nobody tells us what happened to our feedback" },
			{ "we cannot find enough volunteers", "our volunteers are tired and getting older",
					"volunteer numbers dropped after the pandemic", "young people have no time to volunteer",
					"recruiting trustees is harder every year" },
			{ "contracts go to big national providers", "commissioning favours large organisations",
					"tenders are written so only big providers can win", "local groups lose contracts to national firms",
					"procurement rules shut small charities out" },
			{ "older people here have no internet access", "online only services leave people behind",
					"digital forms exclude people who are not online", "rural broadband is too poor for video meetings",
					"many families cannot afford data for their phones" },
			{ "staff at the council change so often we lose contacts", "there is no named person to talk to in government",
					"relationships vanish every time someone moves job", "departments do not talk to each other",
					"we have to explain ourselves again to every new officer" },
			{ "rents for community buildings keep going up", "we lost our hall and have nowhere to meet",
					"energy bills are crushing small community centres", "council buildings are closed to local groups",
					"the cost of insurance and premises is too high" },
			{ "charities are afraid to speak out in case they lose funding", "campaigning feels risky for funded groups",
					"gagging clauses in contracts stop us raising concerns", "we worry that criticism will cost us our grant",
					"independence is lost when one funder pays for everything" },
			{ "data sharing rules stop us working with the nhs", "we cannot get the figures we need from the council",
					"information is kept behind closed doors", "there is no open data on local spending",
					"government does not share what it knows about need" },
			{ "demand has doubled but our income has not", "the cost of living crisis means more people need us",
					"food bank use has risen sharply this year", "we are turning people away for the first time",
					"reserves are running out as need grows" },
			{ "welsh language services are an afterthought", "bilingual materials are never funded properly",
					"rural wales is left out of national plans", "devolved and uk government do not join up",
					"scotland and northern ireland are treated as footnotes" } };

	static final String[] DETAILS = { "", " and it wears people down", " which makes partnership hard", " so trust is low",
			" and nothing seems to change", " which puts our services at risk", " and small groups suffer most",
			" even though we know our community best", " so we feel like an afterthought", " and this has got worse" };

	static final String[] PLACES = { "", " in our area", " in rural areas", " across the valleys", " in the city",
			" on the estate", " in the north", " for faith groups", " for disabled people's groups", " for youth clubs" };

	public static void main(String[] args) throws Exception {
		Path jar = Path.of(args[0]);
		int answers = args.length > 1 ? Integer.parseInt(args[1]) : 10_000;
		int runs = args.length > 2 ? Integer.parseInt(args[2]) : 3;
		boolean cold = args.length > 3 && args[3].equals("cold");
		Path seed = Path.of("/work/shared/seed/civil-society-covenant-framework.txt");
		List<String> phrases = phrases(seed);

		Path work = Files.createTempDirectory("cv-bench-themes");
		Path csv = work.resolve("answers.csv");
		List<String> questions = cold ? List.of("Q2", "Q3", "Q4", "Q5", "Q6").subList(0, Math.min(5, runs)) : List.of("Q3");
		Files.writeString(csv, generate(answers, phrases, new Random(2026), questions), StandardCharsets.UTF_8);

		int port;
		try (ServerSocket socket = new ServerSocket(0)) {
			port = socket.getLocalPort();
		}
		String password = "bench-" + System.nanoTime();
		ProcessBuilder builder = new ProcessBuilder("java", "-jar", jar.toString(), "--server.port=" + port,
				"--covenant.data-dir=" + work.resolve("data"), "--covenant.understanding.labelling-interval=24h",
				"--covenant.understanding.theme-embedding-interval=" + (cold ? "24h" : "2s"));
		Map<String, String> env = builder.environment();
		env.remove("DATABASE_URL");
		env.remove("REDIS_URL");
		env.remove("LLM_BASE_URL");
		env.put("ADMIN_PASSWORD", password);
		env.put("SIMULATOR_ENABLED", "false");
		builder.redirectErrorStream(true).redirectOutput(work.resolve("service.log").toFile());
		Process service = builder.start();
		HttpClient http = HttpClient.newHttpClient();
		String base = "http://localhost:" + port;
		String auth = "Basic " + Base64.getEncoder().encodeToString(("admin:" + password).getBytes(StandardCharsets.UTF_8));
		try {
			waitForHealth(http, base);
			HttpResponse<String> imported = http.send(HttpRequest.newBuilder(URI.create(base
					+ "/api/imports?fileName=answers.csv"))
				.header("Authorization", auth)
				.header("Content-Type", "text/csv")
				.timeout(Duration.ofMinutes(5))
				.POST(HttpRequest.BodyPublishers.ofFile(csv))
				.build(), HttpResponse.BodyHandlers.ofString());
			if (imported.statusCode() >= 300) {
				throw new IllegalStateException("import failed: " + imported.statusCode() + " " + imported.body());
			}
			System.out.printf("answers: %d (%d words on average); %d cores; load %s%n", answers,
					averageWords(csv), Runtime.getRuntime().availableProcessors(),
					Files.readString(Path.of("/proc/loadavg")).strip());
			List<Double> seconds = new ArrayList<>();
			if (cold) {
				for (int run = 1; run <= questions.size(); run++) {
					seconds.add(run(http, base, auth, questions.get(run - 1), "cold run " + run));
				}
				Collections.sort(seconds);
				System.out.printf("median of %d cold runs: %.1f s for %d answers%n", seconds.size(),
						seconds.get(seconds.size() / 2), answers);
				run(http, base, auth, questions.get(0), "rerun of " + questions.get(0) + " (embeddings kept)");
			}
			else {
				// The service embeds new answers in the background; wait until it has reached the last one.
				long start = System.nanoTime();
				String done = "up to contribution " + answers;
				while (!Files.readString(work.resolve("service.log")).contains(done)) {
					Thread.sleep(500);
				}
				System.out.printf("background embedding of %d answers after the import: %.1f s%n", answers,
						(System.nanoTime() - start) / 1e9);
				for (int run = 1; run <= runs; run++) {
					seconds.add(run(http, base, auth, "Q3", "run " + run));
				}
				Collections.sort(seconds);
				System.out.printf("median of %d runs: %.1f s for %d answers%n", runs, seconds.get(seconds.size() / 2),
						answers);
			}
			for (String line : Files.readAllLines(work.resolve("service.log"))) {
				if (line.contains("Themes for")) {
					System.out.println("  server: " + line.substring(line.indexOf("Themes for")));
				}
			}
		}
		finally {
			service.destroy();
			service.waitFor();
		}
	}

	static double run(HttpClient http, String base, String auth, String question, String label) throws Exception {
		long start = System.nanoTime();
		HttpResponse<String> ran = http.send(HttpRequest.newBuilder(URI.create(base + "/api/themes/run?question="
				+ question + "&wait=true"))
			.header("Authorization", auth)
			.timeout(Duration.ofMinutes(10))
			.POST(HttpRequest.BodyPublishers.noBody())
			.build(), HttpResponse.BodyHandlers.ofString());
		double s = (System.nanoTime() - start) / 1e9;
		if (ran.statusCode() != 200) {
			throw new IllegalStateException("run failed: " + ran.statusCode() + " " + ran.body());
		}
		System.out.printf("%-40s %6.1f s (server %s ms), %d themes, %s answers, min theme size %s; load %s%n", label, s,
				field(ran.body(), "durationMs"), count(ran.body(), "\"position\""), field(ran.body(), "answers"),
				field(ran.body(), "minThemeSize"), Files.readString(Path.of("/proc/loadavg")).strip());
		return s;
	}

	/** Phrases of four to nine words from the framework text, to vary the answers with its own vocabulary. */
	static List<String> phrases(Path seed) throws Exception {
		List<String> phrases = new ArrayList<>();
		if (!Files.exists(seed)) {
			return phrases;
		}
		for (String sentence : Files.readString(seed).split("[.;:!?\\n]")) {
			String[] words = sentence.strip().toLowerCase().replaceAll("[^a-z' ]", " ").strip().split("\\s+");
			if (words.length >= 4) {
				phrases.add(String.join(" ", List.of(words).subList(0, Math.min(9, words.length))));
			}
		}
		return phrases;
	}

	/** The same answers to each question: each run themes a question whose answers were never embedded (cold). */
	static String generate(int answers, List<String> phrases, Random random, List<String> questions) {
		String[] sources = { "roundtable_note", "event_minutes", "online_form" };
		String[] nations = { "england", "wales", "scotland", "northern_ireland", "" };
		Set<String> texts = new LinkedHashSet<>();
		while (texts.size() < answers) {
			String[] topic = TOPICS[random.nextInt(TOPICS.length)];
			StringBuilder text = new StringBuilder(OPENERS[random.nextInt(OPENERS.length)])
				.append(topic[random.nextInt(topic.length)])
				.append(DETAILS[random.nextInt(DETAILS.length)])
				.append(PLACES[random.nextInt(PLACES.length)])
				.append('.');
			if (random.nextInt(3) == 0) {
				String[] other = TOPICS[random.nextInt(TOPICS.length)];
				text.append(" Also ").append(other[random.nextInt(other.length)]).append('.');
			}
			if (!phrases.isEmpty() && random.nextInt(2) == 0) {
				text.append(" We want ").append(phrases.get(random.nextInt(phrases.size()))).append('.');
			}
			texts.add(text.toString());
		}
		StringBuilder csv = new StringBuilder("source,question,text,represented_count,nation,date,external_id\n");
		for (String question : questions) {
			int i = 0;
			for (String text : texts) {
				csv.append(sources[i % 3]).append(',').append(question).append(",\"").append(text.replace("\"", "\"\""))
					.append("\",").append(i % 5 == 0 ? 1 + (i * 7) % 30 : 1).append(',').append(nations[i % 5])
					.append(",2026-11-20,").append(question).append('-').append(i).append('\n');
				i++;
			}
		}
		return csv.toString();
	}

	static long averageWords(Path csv) throws Exception {
		List<String> lines = Files.readAllLines(csv);
		long words = 0;
		for (String line : lines.subList(1, lines.size())) {
			int a = line.indexOf('"');
			int b = line.lastIndexOf('"');
			words += line.substring(a + 1, b).split("\\s+").length;
		}
		return words / (lines.size() - 1);
	}

	static String field(String json, String name) {
		Matcher m = Pattern.compile("\"" + name + "\"\\s*:\\s*(\\d+)").matcher(json);
		return m.find() ? m.group(1) : "?";
	}

	static int count(String json, String needle) {
		int n = 0;
		for (int i = json.indexOf(needle); i >= 0; i = json.indexOf(needle, i + 1)) {
			n++;
		}
		return n;
	}

	static void waitForHealth(HttpClient http, String base) throws Exception {
		for (int i = 0; i < 480; i++) {
			try {
				if (http.send(HttpRequest.newBuilder(URI.create(base + "/actuator/health")).build(),
						HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
					Thread.sleep(5000); // let the embedding model finish loading in the background
					return;
				}
			}
			catch (java.io.IOException e) {
				// not up yet
			}
			Thread.sleep(500);
		}
		throw new IllegalStateException("the service did not start");
	}
}
