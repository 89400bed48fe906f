package org.covenantvoices.understanding.internal;

import org.covenantvoices.understanding.ModelStatus;
import org.covenantvoices.understanding.ModelStatusProvider;
import org.springframework.stereotype.Component;

@Component
class DefaultModelStatus implements ModelStatusProvider {

	private final ModelGateway models;

	private final Embeddings embeddings;

	private final UnderstandingProperties properties;

	DefaultModelStatus(ModelGateway models, Embeddings embeddings, UnderstandingProperties properties) {
		this.models = models;
		this.embeddings = embeddings;
		this.properties = properties;
	}

	@Override
	public ModelStatus status() {
		return new ModelStatus(models.configured(), models.configured() ? properties.llm().model() : null,
				models.circuitState(), embeddings.ready());
	}
}
