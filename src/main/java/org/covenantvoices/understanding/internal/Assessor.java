package org.covenantvoices.understanding.internal;

import java.util.List;
import java.util.Optional;

import dev.langchain4j.data.embedding.Embedding;
import org.covenantvoices.understanding.Assessment;
import org.springframework.stereotype.Component;

/**
 * Reads a message on the reply path, with keywords and the embedding model only: a few milliseconds, no network.
 * Safeguarding leans towards signposting: a needless signpost costs little, a missed disclosure a great deal.
 */
@Component
class Assessor {

	/** Confusion is a short message: a long one is an answer, however unsure it sounds. */
	private static final int CONFUSION_MAX_WORDS = 12;

	/** Short messages embed noisily; short disclosures ("i want to die") are what the keywords are for. */
	private static final int SAFEGUARDING_EMBEDDING_MIN_WORDS = 5;

	/** Below this, a message is not near any disclosure example, however far it is from ordinary answers. */
	private static final double SAFEGUARDING_FLOOR = 0.30;

	private final Signals signals;

	private final Embeddings embeddings;

	private final PrincipleClassifier ordinaryAnswers;

	private final UnderstandingProperties properties;

	private volatile List<Embedding> confusionExamples;

	private volatile List<Embedding> safeguardingExamples;

	private volatile List<Embedding> ordinaryExamples;

	Assessor(Embeddings embeddings, PrincipleClassifier ordinaryAnswers, UnderstandingProperties properties) {
		this.signals = Signals.load();
		this.embeddings = embeddings;
		this.ordinaryAnswers = ordinaryAnswers;
		this.properties = properties;
	}

	Assessment assess(String text) {
		String normalised = Signals.normalise(text);
		if (normalised.isEmpty()) {
			return Assessment.PLAIN;
		}
		int words = normalised.split(" ").length;
		boolean abusive = signals.abuseKeywords.stream().anyMatch(k -> Signals.containsPhrase(normalised, k));
		boolean injection = text.contains("</") || text.toLowerCase(java.util.Locale.ROOT).contains("<system")
				|| signals.injectionKeywords.stream().anyMatch(k -> Signals.containsPhrase(normalised, k));
		// "dunno", "money": a listed vague answer, or a single word, is worth one gentle follow-up.
		boolean vague = signals.vague.contains(normalised.replace("?", "").strip())
				|| (words == 1 && !normalised.matches(".*\\d.*"));

		String safeguarding = null;
		if (signals.safeguardingKeywords.stream().anyMatch(k -> Signals.containsPhrase(normalised, k))) {
			safeguarding = "keyword";
		}
		boolean confused = words <= CONFUSION_MAX_WORDS
				&& signals.confusionKeywords.stream().anyMatch(k -> Signals.containsPhrase(normalised, k));

		Optional<Embedding> embedding = Optional.empty();
		if (safeguarding == null || (!confused && words <= CONFUSION_MAX_WORDS)) {
			embedding = embeddings.embedIfReady(text);
		}
		if (embedding.isPresent()) {
			if (safeguarding == null && words >= SAFEGUARDING_EMBEDDING_MIN_WORDS) {
				// Compared with ordinary answers too: the model puts all Welsh text close together, for one.
				double disclosure = max(embedding.get(), safeguardingExamples());
				double ordinary = Math.max(max(embedding.get(), ordinaryExamples()), ordinaryAnswers.scores(embedding.get())
					.values()
					.stream()
					.mapToDouble(Double::doubleValue)
					.max()
					.orElse(0));
				if (disclosure >= SAFEGUARDING_FLOOR && disclosure - ordinary >= properties.safeguardingMargin()) {
					safeguarding = "embedding";
				}
			}
			if (!confused && words <= CONFUSION_MAX_WORDS
					&& max(embedding.get(), confusionExamples()) >= properties.confusionThreshold()) {
				confused = true;
			}
		}
		// A disclosure is never mistaken for confusion or a vague answer.
		if (safeguarding != null) {
			return new Assessment(false, false, safeguarding, abusive, injection);
		}
		return new Assessment(confused, vague && !confused, null, abusive, injection);
	}

	private static double max(Embedding embedding, List<Embedding> examples) {
		double best = 0;
		for (Embedding example : examples) {
			best = Math.max(best, Embeddings.similarity(embedding, example));
		}
		return best;
	}

	private List<Embedding> confusionExamples() {
		if (confusionExamples == null) {
			confusionExamples = signals.confusionExamples.stream().map(embeddings::embed).toList();
		}
		return confusionExamples;
	}

	private List<Embedding> ordinaryExamples() {
		if (ordinaryExamples == null) {
			ordinaryExamples = signals.ordinary.stream().map(embeddings::embed).toList();
		}
		return ordinaryExamples;
	}

	private List<Embedding> safeguardingExamples() {
		if (safeguardingExamples == null) {
			safeguardingExamples = signals.safeguardingExamples.stream().map(embeddings::embed).toList();
		}
		return safeguardingExamples;
	}
}
