package org.covenantvoices.resilience;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import org.covenantvoices.support.ChannelTest;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Ten thousand generated bad requests at every public endpoint of the running service: no answer is a 5xx or shows a
 * stack trace or a class name, the service is healthy afterwards, and its heap comes back to where it was.
 */
class BadInputCorpusTests extends ChannelTest {

	static final int REQUESTS = Integer.getInteger("covenant.fuzz.requests", 10_000);

	@Test
	void tenThousandBadRequestsBreakNothing() throws Exception {
		long seed = Long.getLong("covenant.fuzz.seed", System.nanoTime());
		List<BadRequests.Request> corpus = new BadRequests(seed).generate(REQUESTS);
		Probe probe = new Probe("http://127.0.0.1:" + port);
		// Warm up and settle the heap before measuring it.
		for (int i = 0; i < 200; i++) {
			try {
				probe.send(corpus.get(i));
			}
			catch (java.io.IOException e) {
				// As below: an over-long body may be refused with the connection closed mid-send.
				if (corpus.get(i).body().length <= 64 * 1024) {
					throw new AssertionError("seed " + seed + ": no answer to " + corpus.get(i), e);
				}
			}
		}
		long heapBefore = heapAfterGc();

		List<String> problems = Collections.synchronizedList(new ArrayList<>());
		AtomicInteger answered = new AtomicInteger();
		ExecutorService pool = Executors.newFixedThreadPool(8);
		List<Future<?>> sent = new ArrayList<>();
		for (BadRequests.Request request : corpus) {
			sent.add(pool.submit(() -> {
				try {
					String problem = Probe.problem(probe.send(request));
					if (problem != null) {
						problems.add(problem + ": " + request);
					}
					answered.incrementAndGet();
				}
				catch (java.io.IOException e) {
					// Tomcat answers a body over its 64 KB limit and closes the connection without reading the rest,
					// which a client still sending may see as a broken connection: refused, as it should be.
					if (request.body().length <= 64 * 1024) {
						problems.add("no answer (" + e + "): " + request);
					}
					answered.incrementAndGet();
				}
				return null;
			}));
		}
		for (Future<?> future : sent) {
			future.get();
		}
		pool.shutdown();

		assertThat(problems).as("seed %d: first problems", seed).isEmpty();
		assertThat(answered.get()).isEqualTo(REQUESTS);
		assertThat(client.get("/actuator/health", null, null).status()).isEqualTo(200);
		long heapAfter = heapAfterGc();
		// The corpus leaves nothing behind: the heap comes back to within 64 MB of where it was (the same JVM also
		// runs the test and its 10,000 answers, and caches fill on first use).
		assertThat(heapAfter - heapBefore).as("heap growth, bytes").isLessThan(64L << 20);
	}

	static long heapAfterGc() throws InterruptedException {
		MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
		for (int i = 0; i < 3; i++) {
			System.gc();
			Thread.sleep(200);
		}
		return memory.getHeapMemoryUsage().getUsed();
	}
}
