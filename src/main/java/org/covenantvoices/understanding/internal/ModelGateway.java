package org.covenantvoices.understanding.internal;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.exception.AuthenticationException;
import dev.langchain4j.exception.InvalidRequestException;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.request.ResponseFormat;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.openai.OpenAiChatModel;
import io.github.resilience4j.bulkhead.Bulkhead;
import io.github.resilience4j.bulkhead.BulkheadConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.micrometer.tagged.TaggedCircuitBreakerMetrics;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.covenantvoices.platform.RedisKeys;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;
import redis.clients.jedis.UnifiedJedis;

/**
 * Every chat-model call goes through here: a bulkhead, a circuit breaker, one retry, a hard time limit and a daily
 * token budget. A call that cannot be made in time gives no answer, never an error: callers fall back to the script.
 * LangChain4j's own retries are off, so the two do not multiply.
 */
@Component
class ModelGateway implements DisposableBean {

	private static final Logger log = LoggerFactory.getLogger(ModelGateway.class);

	private final ChatModel model;

	private final UnderstandingProperties.Llm settings;

	private final CircuitBreaker breaker;

	private final Bulkhead bulkhead;

	private final Retry retry;

	private final ExecutorService executor;

	private final UnifiedJedis redis;

	private final RedisKeys keys;

	private final MeterRegistry meters;

	ModelGateway(UnderstandingProperties properties, UnifiedJedis redis, RedisKeys keys, MeterRegistry meters) {
		this.settings = properties.llm();
		this.redis = redis;
		this.keys = keys;
		this.meters = meters;
		this.model = settings.configured() ? OpenAiChatModel.builder()
			.baseUrl(settings.baseUrl())
			.apiKey(settings.apiKey() == null || settings.apiKey().isBlank() ? "none" : settings.apiKey())
			.modelName(settings.model())
			.timeout(settings.timeout())
			.maxRetries(0)
			.temperature(0.2)
			.build() : null;
		CircuitBreakerRegistry registry = CircuitBreakerRegistry.of(CircuitBreakerConfig.custom()
			.slidingWindowSize(10)
			.minimumNumberOfCalls(4)
			.failureRateThreshold(50)
			.slowCallDurationThreshold(settings.timeout())
			.slowCallRateThreshold(50)
			.waitDurationInOpenState(settings.circuitOpenFor())
			.permittedNumberOfCallsInHalfOpenState(2)
			.automaticTransitionFromOpenToHalfOpenEnabled(true)
			.build());
		this.breaker = registry.circuitBreaker("llm");
		TaggedCircuitBreakerMetrics.ofCircuitBreakerRegistry(registry).bindTo(meters);
		this.bulkhead = Bulkhead.of("llm", BulkheadConfig.custom()
			.maxConcurrentCalls(settings.maxConcurrentCalls())
			.maxWaitDuration(Duration.ZERO)
			.build());
		this.retry = Retry.of("llm", RetryConfig.custom()
			.maxAttempts(2)
			.waitDuration(Duration.ofMillis(150))
			.ignoreExceptions(InvalidRequestException.class, AuthenticationException.class)
			.build());
		this.executor = Executors.newCachedThreadPool(r -> {
			Thread thread = new Thread(r, "llm-call");
			thread.setDaemon(true);
			return thread;
		});
	}

	boolean configured() {
		return model != null;
	}

	/** closed, open, half_open, or none where no model is configured. */
	String circuitState() {
		return model == null ? "none" : breaker.getState().name().toLowerCase();
	}

	/**
	 * Asks the model for a JSON answer.
	 * @param purpose explain, probe, label...: a metrics tag
	 * @return the raw JSON text, or empty: no model, over budget, circuit open, busy, too slow, or failed
	 */
	Optional<String> completeJson(String purpose, List<ChatMessage> messages, int maxOutputTokens) {
		if (model == null) {
			return Optional.empty();
		}
		if (overBudget()) {
			outcome(purpose, "budget", 0);
			return Optional.empty();
		}
		if (!breaker.tryAcquirePermission()) {
			outcome(purpose, "circuit_open", 0);
			return Optional.empty();
		}
		if (!bulkhead.tryAcquirePermission()) {
			breaker.releasePermission();
			outcome(purpose, "busy", 0);
			return Optional.empty();
		}
		long start = System.nanoTime();
		ChatRequest request = ChatRequest.builder()
			.messages(messages)
			.maxOutputTokens(maxOutputTokens)
			.responseFormat(ResponseFormat.JSON)
			.build();
		Future<ChatResponse> call = executor.submit(() -> retry.executeSupplier(() -> model.chat(request)));
		try {
			ChatResponse response = call.get(settings.timeout().toMillis(), TimeUnit.MILLISECONDS);
			long elapsed = System.nanoTime() - start;
			breaker.onSuccess(elapsed, TimeUnit.NANOSECONDS);
			outcome(purpose, "success", elapsed);
			count(purpose, response);
			String text = response.aiMessage() == null ? null : response.aiMessage().text();
			return Optional.ofNullable(text).filter(t -> !t.isBlank());
		}
		catch (TimeoutException e) {
			call.cancel(true);
			long elapsed = System.nanoTime() - start;
			breaker.onError(elapsed, TimeUnit.NANOSECONDS, e);
			outcome(purpose, "timeout", elapsed);
			return Optional.empty();
		}
		catch (ExecutionException e) {
			long elapsed = System.nanoTime() - start;
			breaker.onError(elapsed, TimeUnit.NANOSECONDS, e.getCause());
			outcome(purpose, "error", elapsed);
			log.debug("Model call for {} failed: {}", purpose, e.getCause().toString());
			return Optional.empty();
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			call.cancel(true);
			breaker.releasePermission();
			return Optional.empty();
		}
		finally {
			bulkhead.onComplete();
		}
	}

	private boolean overBudget() {
		try {
			String used = redis.get(budgetKey());
			return used != null && Long.parseLong(used) >= settings.dailyTokenBudget();
		}
		catch (RuntimeException e) {
			return false;
		}
	}

	private void count(String purpose, ChatResponse response) {
		if (response.tokenUsage() == null) {
			return;
		}
		Integer in = response.tokenUsage().inputTokenCount();
		Integer out = response.tokenUsage().outputTokenCount();
		long total = (in == null ? 0 : in) + (out == null ? 0 : out);
		Counter.builder("covenant.llm.tokens").tag("purpose", purpose).tag("kind", "input").register(meters)
			.increment(in == null ? 0 : in);
		Counter.builder("covenant.llm.tokens").tag("purpose", purpose).tag("kind", "output").register(meters)
			.increment(out == null ? 0 : out);
		try {
			String key = budgetKey();
			redis.incrBy(key, total);
			redis.expire(key, Duration.ofDays(2).toSeconds());
		}
		catch (RuntimeException e) {
			log.debug("Could not count tokens: {}", e.toString());
		}
	}

	private void outcome(String purpose, String outcome, long nanos) {
		Timer.builder("covenant.llm.calls")
			.tag("purpose", purpose)
			.tag("outcome", outcome)
			.register(meters)
			.record(nanos, TimeUnit.NANOSECONDS);
	}

	private String budgetKey() {
		return keys.global("llm", "tokens", LocalDate.now(ZoneOffset.UTC).toString());
	}

	@Override
	public void destroy() {
		executor.shutdownNow();
	}
}
