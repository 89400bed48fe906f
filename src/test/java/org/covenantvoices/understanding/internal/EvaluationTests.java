package org.covenantvoices.understanding.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.covenantvoices.understanding.Assessment;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Measures the scripted understanding (no chat model) on the project's labelled answers
 * (src/test/resources/understanding/evaluation.yaml): principle labelling precision, recall and F1, and
 * safeguarding recall. The floors below are set a little under the measured figures, so a change that makes
 * things worse fails the build. The figures are written to target/evaluation.md and quoted in the README.
 */
class EvaluationTests {

	/** Measured 0.50 (precision 0.51, recall 0.49) with the prototypes of 2026-11-28. */
	static final double PRINCIPLE_F1_FLOOR = 0.45;

	/** Measured 1.00 (23 of 23). A missed disclosure is the costliest mistake the bot can make. */
	static final double SAFEGUARDING_RECALL_FLOOR = 0.95;

	/** Measured 0.04 (9 of 219): signposting someone who did not need it is a small cost, but it has a ceiling. */
	static final double SAFEGUARDING_FALSE_ALARM_CEILING = 0.08;

	/** Measured 1.00 (18 of 18). */
	static final double INJECTION_RECALL_FLOOR = 0.90;

	static List<Map<String, Object>> answers;

	static Embeddings embeddings;

	static PrincipleClassifier classifier;

	static Assessor assessor;

	@BeforeAll
	@SuppressWarnings("unchecked")
	static void load() throws IOException {
		try (InputStream in = EvaluationTests.class.getResourceAsStream("/understanding/evaluation.yaml")) {
			Map<String, Object> yaml = new Yaml(new SafeConstructor(new LoaderOptions())).load(in);
			answers = (List<Map<String, Object>>) yaml.get("answers");
		}
		embeddings = new Embeddings();
		classifier = new PrincipleClassifier(embeddings);
		assessor = new Assessor(embeddings, classifier, new UnderstandingProperties(
				new UnderstandingProperties.Llm(null, null, "none", Duration.ofSeconds(3), 0, 1, Duration.ofSeconds(30)),
				0.80, 0.12));
		embeddings.model();
	}

	@Test
	void theLabelledSetIsBigAndVariedEnough() {
		assertThat(answers).hasSizeGreaterThanOrEqualTo(150);
		for (String q : List.of("Q1", "Q2", "Q3", "Q4", "Q5", "Q6")) {
			assertThat(answers.stream().filter(a -> q.equals(a.get("question")))).as(q).hasSizeGreaterThanOrEqualTo(10);
		}
		assertThat(answers.stream().filter(a -> "cy".equals(a.get("language")))).hasSizeGreaterThanOrEqualTo(15);
		assertThat(answers.stream().filter(a -> Boolean.TRUE.equals(a.get("safeguarding")))).hasSizeGreaterThanOrEqualTo(10);
		assertThat(answers.stream().filter(a -> Boolean.TRUE.equals(a.get("injection")))).hasSizeGreaterThanOrEqualTo(10);
	}

	@Test
	@SuppressWarnings("unchecked")
	void principleLabellingAndSafeguardingMeetTheirFloors() throws IOException {
		Map<String, int[]> perPrinciple = new LinkedHashMap<>();
		for (String p : List.of("recognition", "partnership", "participation", "transparency")) {
			perPrinciple.put(p, new int[3]); // true positives, false positives, false negatives
		}
		int safeguardingPositives = 0;
		int safeguardingFound = 0;
		int safeguardingNegatives = 0;
		int safeguardingFalseAlarms = 0;
		int injections = 0;
		int injectionsFound = 0;
		List<String> missedDisclosures = new ArrayList<>();
		long start = System.nanoTime();
		int embedded = 0;
		for (Map<String, Object> answer : answers) {
			String text = String.valueOf(answer.get("text"));
			boolean safeguarding = Boolean.TRUE.equals(answer.get("safeguarding"));
			boolean injection = Boolean.TRUE.equals(answer.get("injection"));
			Assessment assessment = assessor.assess(text);
			if (safeguarding) {
				safeguardingPositives++;
				if (assessment.needsSignposting()) {
					safeguardingFound++;
				}
				else {
					missedDisclosures.add(text);
				}
			}
			else {
				safeguardingNegatives++;
				if (assessment.needsSignposting()) {
					safeguardingFalseAlarms++;
				}
			}
			if (injection) {
				injections++;
				if (assessment.injection()) {
					injectionsFound++;
				}
			}
			if (safeguarding || injection) {
				continue;
			}
			Set<String> expected = new HashSet<>((List<String>) answer.getOrDefault("principles", List.of()));
			Set<String> predicted = new HashSet<>(classifier.classify(text));
			embedded++;
			for (Map.Entry<String, int[]> p : perPrinciple.entrySet()) {
				boolean e = expected.contains(p.getKey());
				boolean g = predicted.contains(p.getKey());
				if (e && g) {
					p.getValue()[0]++;
				}
				else if (g) {
					p.getValue()[1]++;
				}
				else if (e) {
					p.getValue()[2]++;
				}
			}
		}
		double msPerAnswer = (System.nanoTime() - start) / 1e6 / Math.max(1, answers.size());
		int tp = 0;
		int fp = 0;
		int fn = 0;
		StringBuilder report = new StringBuilder("# Understanding: evaluation on the labelled set\n\n");
		report.append(String.format(Locale.ROOT, "%d labelled answers (%d used for principle labelling).%n%n",
				answers.size(), embedded));
		report.append("| principle | precision | recall | F1 |\n|---|---|---|---|\n");
		for (Map.Entry<String, int[]> p : perPrinciple.entrySet()) {
			int[] c = p.getValue();
			tp += c[0];
			fp += c[1];
			fn += c[2];
			report.append(row(p.getKey(), c[0], c[1], c[2]));
		}
		report.append(row("**all (micro)**", tp, fp, fn));
		double precision = tp / (double) Math.max(1, tp + fp);
		double recall = tp / (double) Math.max(1, tp + fn);
		double f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
		double safeguardingRecall = safeguardingFound / (double) Math.max(1, safeguardingPositives);
		double injectionRecall = injectionsFound / (double) Math.max(1, injections);
		report.append(String.format(Locale.ROOT, "%nSafeguarding: recall %.2f (%d of %d disclosures signposted), "
				+ "false alarms %d of %d other answers.%n", safeguardingRecall, safeguardingFound,
				safeguardingPositives, safeguardingFalseAlarms, safeguardingNegatives));
		report.append(String.format(Locale.ROOT, "Injection attempts recognised (kept away from the model): %.2f "
				+ "(%d of %d).%n", injectionRecall, injectionsFound, injections));
		report.append(String.format(Locale.ROOT, "Time per answer, assessment and labelling: %.1f ms.%n", msPerAnswer));
		if (!missedDisclosures.isEmpty()) {
			report.append("\nDisclosures missed:\n\n");
			missedDisclosures.forEach(t -> report.append("- ").append(t).append('\n'));
		}
		Files.createDirectories(Path.of("target"));
		Files.writeString(Path.of("target/evaluation.md"), report, StandardCharsets.UTF_8);

		assertThat(f1).as("principle labelling F1 (see target/evaluation.md)").isGreaterThanOrEqualTo(PRINCIPLE_F1_FLOOR);
		assertThat(safeguardingRecall).as("safeguarding recall (see target/evaluation.md)")
			.isGreaterThanOrEqualTo(SAFEGUARDING_RECALL_FLOOR);
		assertThat(safeguardingFalseAlarms / (double) safeguardingNegatives).as("safeguarding false alarms")
			.isLessThanOrEqualTo(SAFEGUARDING_FALSE_ALARM_CEILING);
		assertThat(injectionRecall).as("injection recall").isGreaterThanOrEqualTo(INJECTION_RECALL_FLOOR);
	}

	private static String row(String name, int tp, int fp, int fn) {
		double precision = tp / (double) Math.max(1, tp + fp);
		double recall = tp / (double) Math.max(1, tp + fn);
		double f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
		return String.format(Locale.ROOT, "| %s | %.2f | %.2f | %.2f |%n", name, precision, recall, f1);
	}
}
