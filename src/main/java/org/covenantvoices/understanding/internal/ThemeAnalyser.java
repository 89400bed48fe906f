package org.covenantvoices.understanding.internal;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import org.covenantvoices.audit.AuditLog;
import org.covenantvoices.record.Annotations;
import org.covenantvoices.record.Contribution;
import org.covenantvoices.record.ContributionFilter;
import org.covenantvoices.record.Contributions;
import org.covenantvoices.record.QuestionId;
import org.covenantvoices.understanding.Theme;
import org.covenantvoices.understanding.ThemeAnalysis;
import org.covenantvoices.understanding.ThemeSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Theme analysis across every source. Reads every current answer to a question (redacted), embeds it in process,
 * clusters ({@link ThemeClustering}), names each theme ({@link ThemeTerms}, {@link ThemeLabels}) and stores the
 * result: a {@code theme} annotation per answer, replacing the last run's, and the theme set for the console.
 */
@Component
class ThemeAnalyser implements ThemeAnalysis, DisposableBean {

	private static final Logger log = LoggerFactory.getLogger(ThemeAnalyser.class);

	private static final JsonMapper JSON = JsonMapper.builder().build();

	/** The model reads about 256 word pieces; more only costs time. */
	private static final int MAX_CHARACTERS = 1000;

	private static final int QUOTES = 3;

	/** The in-process model whose vectors {@code answer_embeddings} keeps. */
	private static final String EMBEDDING_MODEL = "all-minilm-l6-v2-q";

	private static final int QUOTE_CHARACTERS = 400;

	private final Contributions contributions;

	private final Annotations annotations;

	private final Embeddings embeddings;

	private final ThemeLabels labels;

	private final AuditLog audit;

	private final JdbcClient jdbc;

	private final TransactionTemplate tx;

	private final Set<QuestionId> running = ConcurrentHashMap.newKeySet();

	private final ExecutorService background = Executors.newSingleThreadExecutor(r -> {
		Thread thread = new Thread(r, "theme-analysis");
		thread.setDaemon(true);
		return thread;
	});

	ThemeAnalyser(Contributions contributions, Annotations annotations, Embeddings embeddings, ThemeLabels labels,
			AuditLog audit, JdbcClient jdbc, TransactionTemplate tx) {
		this.contributions = contributions;
		this.annotations = annotations;
		this.embeddings = embeddings;
		this.labels = labels;
		this.audit = audit;
		this.jdbc = jdbc;
		this.tx = tx;
	}

	@Override
	public boolean start(QuestionId question, String actor) {
		if (!running.add(question)) {
			return false;
		}
		background.submit(() -> {
			try {
				analyse(question, actor);
			}
			catch (RuntimeException e) {
				log.warn("Theme analysis of {} failed: {}", question, e.toString());
			}
			finally {
				running.remove(question);
			}
		});
		return true;
	}

	@Override
	public boolean running(QuestionId question) {
		return running.contains(question);
	}

	@Override
	public ThemeSet run(QuestionId question, String actor) {
		return analyse(question, actor);
	}

	private ThemeSet analyse(QuestionId question, String actor) {
		long started = System.nanoTime();
		List<Contribution> answers = contributions.redactedAnswers(question);
		List<String> texts = answers.stream().map(Contribution::text).toList();
		long read = System.nanoTime();
		float[][] points = embed(answers);
		long embedded = System.nanoTime();
		int[] clusters = ThemeClustering.cluster(points);
		long clustered = System.nanoTime();
		int k = 0;
		for (int c : clusters) {
			k = Math.max(k, c + 1);
		}
		List<List<String>> terms = ThemeTerms.topTerms(texts, clusters, k);
		List<Draft> drafts = new ArrayList<>();
		for (int c = 0; c < k; c++) {
			drafts.add(new Draft(c, terms.get(c)));
		}
		for (int i = 0; i < answers.size(); i++) {
			if (clusters[i] >= 0) {
				drafts.get(clusters[i]).members.add(i);
			}
		}
		// Most people first; the cluster's first answer breaks ties, so the order is stable.
		drafts.sort(Comparator.comparingInt((Draft d) -> -d.represented(answers))
			.thenComparingInt(d -> -d.members.size())
			.thenComparingInt(d -> d.members.get(0)));
		String labelledBy = null;
		Set<String> used = new HashSet<>();
		List<Theme> themes = new ArrayList<>();
		Map<Long, String> assignments = new HashMap<>();
		for (int position = 1; position <= drafts.size(); position++) {
			Draft d = drafts.get(position - 1);
			List<String> quotes = quotes(d, points, texts);
			String label = ThemeTerms.label(d.terms);
			String source = "terms";
			Optional<String> named = labels.label(question.text(), d.terms, quotes);
			if (named.isPresent() && !used.contains(named.get().toLowerCase())) {
				label = named.get();
				source = "model";
				labelledBy = labels.modelName();
			}
			if (!used.add(label.toLowerCase())) {
				label = label + " (" + position + ")";
				used.add(label.toLowerCase());
			}
			themes.add(new Theme(position, label, source, d.terms, d.members.size(), d.represented(answers),
					quotes.subList(0, Math.min(QUOTES, quotes.size())),
					tally(d, answers, Contribution::source),
					tally(d, answers, c -> c.nation() == null ? ContributionFilter.NATION_NOT_GIVEN : c.nation())));
			for (int i : d.members) {
				assignments.put(answers.get(i).id(), label);
			}
		}
		int represented = answers.stream().mapToInt(Contribution::representedCount).sum();
		int unthemed = answers.size() - assignments.size();
		String by = labelledBy;
		return tx.execute(status -> {
			jdbc.sql("SELECT pg_advisory_xact_lock(?)").param(0x5448454D45L + question.ordinal()).query().listOfRows();
			annotations.replaceByModel(question, "theme", ThemeSet.METHOD, ThemeSet.VERSION, assignments);
			jdbc.sql("UPDATE theme_sets SET superseded_at = now() WHERE question_id = ? AND superseded_at IS NULL")
				.param(question.name())
				.update();
			long duration = (System.nanoTime() - started) / 1_000_000;
			ThemeSet set = jdbc.sql("INSERT INTO theme_sets (question_id, method, model_version, answers, represented, "
					+ "min_theme_size, themes, labelled_by, duration_ms, created_by) "
					+ "VALUES (?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?, ?) RETURNING *")
				.params(question.name(), ThemeSet.METHOD, ThemeSet.VERSION, answers.size(), represented,
						ThemeClustering.minThemeSize(answers.size()), JSON.writeValueAsString(themes), by, duration,
						actor)
				.query((rs, n) -> map(rs.getString("question_id"), rs.getInt("answers"), rs.getInt("represented"),
						rs.getInt("min_theme_size"), rs.getString("themes"), rs.getString("labelled_by"),
						rs.getLong("duration_ms"), rs.getString("created_by"), rs.getTimestamp("created_at")))
				.single();
			audit.record(actor, "themes.analysed", question.name(), Map.of("answers", answers.size(), "themes",
					themes.size(), "method", ThemeSet.METHOD, "version", ThemeSet.VERSION, "durationMs", duration));
			log.info("Themes for {}: {} answers in {} themes in {} ms (read {} ms, embed {} ms, cluster {} ms)", question,
					answers.size(), themes.size(), duration, (read - started) / 1_000_000,
					(embedded - read) / 1_000_000, (clustered - embedded) / 1_000_000);
			return set;
		});
	}

	/**
	 * Embeds answers as they arrive, off the reply path, so that theme analysis later reads their vectors instead of
	 * computing them all at once. One instance at a time works the queue (a row lock); a tick stops after about 20 s.
	 */
	@Scheduled(initialDelayString = "${covenant.understanding.theme-embedding-interval:30s}",
			fixedDelayString = "${covenant.understanding.theme-embedding-interval:30s}")
	void embedNewAnswersInBackground() {
		if (!embeddings.ready() || !running.isEmpty()) {
			return;
		}
		try {
			long deadline = System.nanoTime() + 20_000_000_000L;
			while (System.nanoTime() < deadline && Boolean.TRUE.equals(tx.execute(status -> embedNextAnswers(250)))) {
				// next batch
			}
		}
		catch (RuntimeException e) {
			log.warn("Embedding new answers paused: {}", e.toString());
		}
	}

	/** @return whether there may be more to do */
	boolean embedNextAnswers(int limit) {
		Optional<Long> upTo = jdbc.sql("SELECT embedded_up_to FROM answer_embedding_progress WHERE id = 1 "
				+ "FOR UPDATE SKIP LOCKED")
			.query(Long.class)
			.optional();
		if (upTo.isEmpty()) {
			return false; // another instance is at it
		}
		List<Contribution> next = contributions.redactedAnswersAfter(upTo.get(), limit);
		if (next.isEmpty()) {
			return false;
		}
		embed(next);
		long last = next.get(next.size() - 1).id();
		jdbc.sql("UPDATE answer_embedding_progress SET embedded_up_to = ? WHERE id = 1").param(last).update();
		log.info("Embedded answers in the background up to contribution {}", last);
		return next.size() == limit;
	}

	@Override
	public Optional<ThemeSet> latest(QuestionId question) {
		return jdbc.sql("SELECT * FROM theme_sets WHERE question_id = ? AND superseded_at IS NULL ORDER BY id DESC LIMIT 1")
			.param(question.name())
			.query((rs, n) -> map(rs.getString("question_id"), rs.getInt("answers"), rs.getInt("represented"),
					rs.getInt("min_theme_size"), rs.getString("themes"), rs.getString("labelled_by"),
					rs.getLong("duration_ms"), rs.getString("created_by"), rs.getTimestamp("created_at")))
			.optional();
	}

	private static ThemeSet map(String question, int answers, int represented, int minSize, String themesJson,
			String labelledBy, long duration, String createdBy, Timestamp createdAt) {
		List<Theme> themes = JSON.readValue(themesJson, new TypeReference<List<Theme>>() {
		});
		int themed = themes.stream().mapToInt(Theme::answers).sum();
		return new ThemeSet(question, ThemeSet.METHOD, ThemeSet.VERSION, answers, represented, minSize, themes,
				labelledBy, duration, createdBy, createdAt.toInstant(), answers - themed);
	}

	/**
	 * Unit-length embeddings of the answers. An answer embedded before with the same text is read back; the rest
	 * are embedded (each distinct text once) and kept for the next run.
	 */
	private float[][] embed(List<Contribution> answers) {
		float[][] points = new float[answers.size()][];
		Map<Long, Integer> index = new HashMap<>();
		byte[][] hashes = new byte[answers.size()][];
		for (int i = 0; i < answers.size(); i++) {
			index.put(answers.get(i).id(), i);
			hashes[i] = sha256(clip(answers.get(i).text()));
		}
		for (int from = 0; from < answers.size(); from += 5000) {
			Long[] ids = answers.subList(from, Math.min(answers.size(), from + 5000)).stream().map(Contribution::id)
				.toArray(Long[]::new);
			jdbc.sql("SELECT contribution_id, text_sha256, vector FROM answer_embeddings WHERE model = ? "
					+ "AND contribution_id = ANY(?)")
				.params(EMBEDDING_MODEL, ids)
				.query(rs -> {
					int i = index.get(rs.getLong(1));
					if (java.util.Arrays.equals(hashes[i], rs.getBytes(2))) {
						points[i] = floats(rs.getBytes(3));
					}
				});
		}
		Map<String, Integer> distinct = new LinkedHashMap<>();
		List<Integer> missing = new ArrayList<>();
		for (int i = 0; i < answers.size(); i++) {
			if (points[i] == null) {
				missing.add(i);
				distinct.putIfAbsent(clip(answers.get(i).text()), distinct.size());
			}
		}
		if (missing.isEmpty()) {
			return points;
		}
		List<TextSegment> segments = distinct.keySet().stream().map(TextSegment::from).toList();
		List<Embedding> embedded = embeddings.model().embedAll(segments).content();
		for (int i : missing) {
			points[i] = ThemeClustering.unit(embedded.get(distinct.get(clip(answers.get(i).text()))).vector());
		}
		for (int from = 0; from < missing.size(); from += 2000) {
			List<Integer> chunk = missing.subList(from, Math.min(missing.size(), from + 2000));
			jdbc.sql("INSERT INTO answer_embeddings (contribution_id, model, text_sha256, vector) "
					+ "SELECT u.id, ?, u.hash, u.vector FROM unnest(?::bigint[], ?::bytea[], ?::bytea[]) AS u(id, hash, vector) "
					+ "ON CONFLICT (contribution_id) DO UPDATE SET model = EXCLUDED.model, "
					+ "text_sha256 = EXCLUDED.text_sha256, vector = EXCLUDED.vector, created_at = now()")
				.params(EMBEDDING_MODEL, chunk.stream().map(i -> answers.get(i).id()).toArray(Long[]::new),
						chunk.stream().map(i -> hashes[i]).toArray(byte[][]::new),
						chunk.stream().map(i -> bytes(points[i])).toArray(byte[][]::new))
				.update();
		}
		return points;
	}

	private static byte[] sha256(String text) {
		try {
			return java.security.MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
		}
		catch (java.security.NoSuchAlgorithmException e) {
			throw new IllegalStateException(e);
		}
	}

	private static byte[] bytes(float[] vector) {
		ByteBuffer buffer = ByteBuffer.allocate(vector.length * 4);
		buffer.asFloatBuffer().put(vector);
		return buffer.array();
	}

	private static float[] floats(byte[] bytes) {
		float[] vector = new float[bytes.length / 4];
		ByteBuffer.wrap(bytes).asFloatBuffer().get(vector);
		return vector;
	}

	private static String clip(String text) {
		String t = text.strip();
		return t.length() > MAX_CHARACTERS ? t.substring(0, MAX_CHARACTERS) : t;
	}

	/** The answers nearest the theme's centre, each text once, shortened where long. */
	private static List<String> quotes(Draft d, float[][] points, List<String> texts) {
		double[] sum = new double[points[d.members.get(0)].length];
		for (int i : d.members) {
			for (int x = 0; x < sum.length; x++) {
				sum[x] += points[i][x];
			}
		}
		float[] centre = ThemeClustering.unit(sum);
		List<Integer> nearest = new ArrayList<>(d.members);
		Map<Integer, Double> similarity = new HashMap<>();
		for (int i : nearest) {
			similarity.put(i, ThemeClustering.dot(points[i], centre));
		}
		nearest.sort(Comparator.comparingDouble((Integer i) -> -similarity.get(i)).thenComparingInt(i -> i));
		List<String> quotes = new ArrayList<>();
		Set<String> seen = new HashSet<>();
		for (int i : nearest) {
			String text = texts.get(i).strip();
			if (seen.add(text.toLowerCase())) {
				quotes.add(text.length() > QUOTE_CHARACTERS ? text.substring(0, QUOTE_CHARACTERS - 1) + "\u2026" : text);
			}
			if (quotes.size() == 5) {
				break;
			}
		}
		return quotes;
	}

	private static List<Theme.Tally> tally(Draft d, List<Contribution> answers, Function<Contribution, String> key) {
		Map<String, int[]> counts = new HashMap<>();
		for (int i : d.members) {
			Contribution c = answers.get(i);
			int[] count = counts.computeIfAbsent(key.apply(c), x -> new int[2]);
			count[0]++;
			count[1] += c.representedCount();
		}
		return counts.entrySet()
			.stream()
			.map(e -> new Theme.Tally(e.getKey(), e.getValue()[0], e.getValue()[1]))
			.sorted(Comparator.comparingInt((Theme.Tally t) -> -t.represented()).thenComparing(Theme.Tally::key))
			.toList();
	}

	@Override
	public void destroy() {
		background.shutdownNow();
	}

	private static final class Draft {

		final int cluster;

		final List<String> terms;

		final List<Integer> members = new ArrayList<>();

		private int represented = -1;

		Draft(int cluster, List<String> terms) {
			this.cluster = cluster;
			this.terms = terms;
		}

		int represented(List<Contribution> answers) {
			if (represented < 0) {
				represented = members.stream().mapToInt(i -> answers.get(i).representedCount()).sum();
			}
			return represented;
		}
	}
}
