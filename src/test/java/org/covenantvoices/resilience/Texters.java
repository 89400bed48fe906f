package org.covenantvoices.resilience;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.covenantvoices.support.ChannelTest;
import org.covenantvoices.support.TwilioFake;

/**
 * Phones texting the service through Twilio at once, each its conversation's first six messages in order. Like
 * Twilio, a message that was not acknowledged with a 2xx is delivered again with the same MessageSid until it is.
 */
final class Texters {

	static final String PATH = "/webhooks/twilio/sms";

	/** The first six messages of the SMS conversation: each gets a different reply. */
	static final List<String> SCRIPT = List.of("Hi", "yes", "2", "12", "Wales", "Cardiff");

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

	private final List<String> baseUrls;

	private final AtomicInteger next = new AtomicInteger();

	final List<String> numbers = new ArrayList<>();

	/** Every MessageSid that got a 2xx. */
	final Set<String> acknowledged = ConcurrentHashMap.newKeySet();

	/** How often each status was answered (-1: no answer at all, e.g. the service was down). */
	final Map<Integer, AtomicInteger> statuses = new ConcurrentHashMap<>();

	private volatile ExecutorService pool;

	private final List<Future<?>> running = new ArrayList<>();

	/** With several base URLs (instances), each delivery goes to the next one in turn. */
	Texters(String baseUrl, int phones) {
		this(List.of(baseUrl), phones);
	}

	Texters(List<String> baseUrls, int phones) {
		this.baseUrls = baseUrls;
		String run = String.format("%02d", Math.floorMod(UUID.randomUUID().hashCode(), 100));
		for (int i = 0; i < phones; i++) {
			numbers.add("+4477009" + run + String.format("%03d", i));
		}
	}

	void start(int threads, Duration pause) {
		pool = Executors.newFixedThreadPool(threads);
		for (String number : numbers) {
			running.add(pool.submit(() -> {
				for (String text : SCRIPT) {
					deliverUntilAcknowledged(number, text, Duration.ofMinutes(3));
					sleep(pause);
				}
				return null;
			}));
		}
	}

	void awaitDone(Duration atMost) throws Exception {
		long deadline = System.nanoTime() + atMost.toNanos();
		for (Future<?> future : running) {
			future.get(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
		}
		pool.shutdown();
	}

	int count(int status) {
		AtomicInteger n = statuses.get(status);
		return n == null ? 0 : n.get();
	}

	private void deliverUntilAcknowledged(String number, String text, Duration atMost) {
		Map<String, String> params = new LinkedHashMap<>();
		String sid = "SM" + UUID.randomUUID().toString().replace("-", "");
		params.put("MessageSid", sid);
		params.put("AccountSid", ChannelTest.ACCOUNT_SID);
		params.put("From", number);
		params.put("To", ChannelTest.TWILIO_FROM);
		params.put("Body", text);
		long deadline = System.nanoTime() + atMost.toNanos();
		while (System.nanoTime() < deadline) {
			int status = post(params);
			statuses.computeIfAbsent(status, s -> new AtomicInteger()).incrementAndGet();
			if (status >= 200 && status < 300) {
				acknowledged.add(sid);
				return;
			}
			sleep(Duration.ofMillis(200));
		}
		throw new IllegalStateException("never acknowledged: " + number + " " + text);
	}

	int post(Map<String, String> params) {
		String signature = TwilioFake.signature(ChannelTest.AUTH_TOKEN, ChannelTest.PUBLIC_BASE_URL + PATH, params);
		HttpRequest request = HttpRequest.newBuilder(
				URI.create(baseUrls.get(Math.floorMod(next.getAndIncrement(), baseUrls.size())) + PATH))
			.timeout(Duration.ofSeconds(15))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.header("X-Twilio-Signature", signature)
			.POST(HttpRequest.BodyPublishers.ofString(ChannelTest.form(params)))
			.build();
		try {
			return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
		}
		catch (IOException e) {
			return -1;
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			return -1;
		}
	}

	static void sleep(Duration duration) {
		try {
			Thread.sleep(duration.toMillis());
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
		}
	}
}
