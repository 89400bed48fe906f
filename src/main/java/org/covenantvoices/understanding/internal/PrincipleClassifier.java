package org.covenantvoices.understanding.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.langchain4j.data.embedding.Embedding;
import org.springframework.stereotype.Component;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * Labels an answer with the Covenant principles it speaks to, by comparing it with prototype statements for each
 * principle (prompts/understanding/principles.yaml) in the embedding model's space. An answer may speak to none,
 * one or several.
 */
@Component
class PrincipleClassifier {

	static final String METHOD = "embedding-prototypes";

	/** How close an answer must come to a principle's nearest prototypes to be labelled with it. */
	static final double THRESHOLD = 0.42;

	/** Close seconds count too: an answer may speak to several principles. */
	static final double MARGIN = 0.05;

	private final Embeddings embeddings;

	private final Map<String, List<String>> prototypes;

	private final String version;

	private volatile Map<String, List<Embedding>> embedded;

	PrincipleClassifier(Embeddings embeddings) {
		this.embeddings = embeddings;
		Map<String, Object> yaml = read();
		this.version = "principles-" + yaml.getOrDefault("version", "1");
		this.prototypes = prototypes(yaml);
	}

	String modelVersion() {
		return "all-minilm-l6-v2-q/" + version;
	}

	/** The principles this answer speaks to, most likely first. */
	List<String> classify(String text) {
		return classify(embeddings.embed(text));
	}

	List<String> classify(Embedding answer) {
		Map<String, Double> scores = scores(answer);
		double best = scores.values().stream().mapToDouble(Double::doubleValue).max().orElse(0);
		List<String> labels = new ArrayList<>();
		scores.entrySet()
			.stream()
			.sorted(Map.Entry.<String, Double>comparingByValue().reversed())
			.filter(e -> e.getValue() >= THRESHOLD && e.getValue() >= best - MARGIN)
			.forEach(e -> labels.add(e.getKey()));
		return labels;
	}

	/** The mean of the three nearest prototypes, per principle: steadier than the single nearest. */
	Map<String, Double> scores(Embedding answer) {
		Map<String, Double> scores = new LinkedHashMap<>();
		for (Map.Entry<String, List<Embedding>> principle : embedded().entrySet()) {
			double[] nearest = principle.getValue()
				.stream()
				.mapToDouble(p -> Embeddings.similarity(answer, p))
				.sorted()
				.toArray();
			double sum = 0;
			int n = Math.min(3, nearest.length);
			for (int i = 0; i < n; i++) {
				sum += nearest[nearest.length - 1 - i];
			}
			scores.put(principle.getKey(), n == 0 ? 0 : sum / n);
		}
		return scores;
	}

	private Map<String, List<Embedding>> embedded() {
		if (embedded == null) {
			Map<String, List<Embedding>> out = new LinkedHashMap<>();
			prototypes.forEach((principle, texts) -> out.put(principle, texts.stream().map(embeddings::embed).toList()));
			embedded = out;
		}
		return embedded;
	}

	@SuppressWarnings("unchecked")
	private static Map<String, List<String>> prototypes(Map<String, Object> yaml) {
		Map<String, List<String>> out = new LinkedHashMap<>();
		Map<String, Object> principles = (Map<String, Object>) yaml.get("principles");
		for (Map.Entry<String, Object> principle : principles.entrySet()) {
			List<String> texts = new ArrayList<>();
			for (Object list : ((Map<String, Object>) principle.getValue()).values()) {
				((Collection<Object>) list).forEach(t -> texts.add(String.valueOf(t)));
			}
			out.put(principle.getKey(), texts);
		}
		return out;
	}

	private static Map<String, Object> read() {
		try (InputStream in = PrincipleClassifier.class.getResourceAsStream("/prompts/understanding/principles.yaml")) {
			if (in == null) {
				throw new IllegalStateException("prompts/understanding/principles.yaml is missing");
			}
			return new Yaml(new SafeConstructor(new LoaderOptions())).load(in);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}
}
