package org.covenantvoices.understanding.internal;

import java.util.Optional;
import java.util.concurrent.CompletableFuture;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;
import dev.langchain4j.store.embedding.CosineSimilarity;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The in-process embedding model (all-MiniLM-L6-v2, quantised; it ships inside its jar). It loads in the
 * background, so start-up does not wait for it; until it is ready, detection uses keywords alone.
 */
@Component
class Embeddings {

	private static final Logger log = LoggerFactory.getLogger(Embeddings.class);

	/** The model reads about 256 word pieces; more only costs time. */
	private static final int MAX_CHARACTERS = 1000;

	private final CompletableFuture<EmbeddingModel> model = CompletableFuture.supplyAsync(() -> {
		long start = System.nanoTime();
		EmbeddingModel loaded = new AllMiniLmL6V2QuantizedEmbeddingModel();
		loaded.embed("warm up");
		log.info("Embedding model ready in {} ms", (System.nanoTime() - start) / 1_000_000);
		return loaded;
	});

	/** The model once loaded, waiting for it: for background work such as labelling. */
	EmbeddingModel model() {
		return model.join();
	}

	boolean ready() {
		return model.isDone() && !model.isCompletedExceptionally();
	}

	/** Empty until the model has loaded: the reply path never waits for it. */
	Optional<Embedding> embedIfReady(String text) {
		if (!ready()) {
			return Optional.empty();
		}
		return Optional.of(embed(text));
	}

	Embedding embed(String text) {
		String input = text.length() > MAX_CHARACTERS ? text.substring(0, MAX_CHARACTERS) : text;
		return model().embed(input).content();
	}

	static double similarity(Embedding a, Embedding b) {
		return CosineSimilarity.between(a, b);
	}
}
