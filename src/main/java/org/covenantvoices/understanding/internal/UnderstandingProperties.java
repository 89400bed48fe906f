package org.covenantvoices.understanding.internal;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param llm the optional OpenAI-compatible chat model
 * @param confusionThreshold cosine similarity to a confused example above which a short message counts as confusion
 * @param safeguardingMargin how much nearer a message must be to a disclosure example than to any ordinary answer
 * (the principle prototypes) to get signposting: low on purpose, because a missed disclosure costs more than a
 * needless signpost
 */
@ConfigurationProperties("covenant.understanding")
record UnderstandingProperties(@DefaultValue Llm llm, @DefaultValue("0.80") double confusionThreshold,
		@DefaultValue("0.12") double safeguardingMargin) {

	/**
	 * @param baseUrl any OpenAI-compatible server (OpenAI, Azure OpenAI, Ollama, vLLM); blank: no chat model
	 * @param timeout the whole time a reply may wait for the model, retry included
	 * @param dailyTokenBudget after this many tokens in a day (UTC), scripted texts only until the next day
	 * @param circuitOpenFor how long to stop calling a failing model before trying again
	 */
	record Llm(String baseUrl, String apiKey, @DefaultValue("gpt-4o-mini") String model,
			@DefaultValue("3s") Duration timeout, @DefaultValue("500000") long dailyTokenBudget,
			@DefaultValue("8") int maxConcurrentCalls, @DefaultValue("30s") Duration circuitOpenFor) {

		boolean configured() {
			return baseUrl != null && !baseUrl.isBlank();
		}
	}
}
