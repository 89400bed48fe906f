package org.covenantvoices.resilience;

import java.time.Duration;

import com.github.tomakehurst.wiremock.WireMockServer;
import org.covenantvoices.support.Instance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Redis restarted and PostgreSQL stopped and started while texts pour in, on servers of this test's own. The service
 * never acknowledges a message it did not keep, answers 503 while it cannot keep them, and carries on by itself.
 */
class OutageTests {

	private WireMockServer twilio;

	private OwnServers servers;

	private Instance service;

	@BeforeEach
	void start() throws Exception {
		twilio = Fakes.twilio();
		servers = new OwnServers();
		service = Instance.start(servers.serviceProperties(twilio.baseUrl()).toArray(String[]::new));
	}

	@AfterEach
	void stop() {
		if (service != null) {
			service.close();
		}
		servers.close();
		twilio.stop();
	}

	@Test
	void redisRestartedMidLoad() throws Exception {
		Texters texters = texters();
		int total = texters.numbers.size() * Texters.SCRIPT.size();
		await().atMost(Duration.ofMinutes(2)).until(() -> texters.acknowledged.size() >= total / 4);
		servers.stopRedis();
		Texters.sleep(Duration.ofSeconds(3));
		servers.startRedis(); // empty: every session and duplicate mark is gone, as after a failover without a replica
		texters.awaitDone(Duration.ofMinutes(3));
		Invariants invariants = new Invariants(servers, twilio);
		invariants.awaitSettled(texters, Duration.ofMinutes(2));
		assertThat(texters.count(500)).isZero();
		invariants.assertHold(texters);
	}

	@Test
	void postgresStoppedAndStartedMidLoad() throws Exception {
		Texters texters = texters();
		int total = texters.numbers.size() * Texters.SCRIPT.size();
		await().atMost(Duration.ofMinutes(2)).until(() -> texters.acknowledged.size() >= total / 4);
		servers.stopPostgres();
		int unavailableBefore = texters.count(503);
		// Longer than the pool's 5 s wait for a connection, so requests during the outage get their answer.
		await().atMost(Duration.ofSeconds(60)).until(() -> texters.count(503) > unavailableBefore);
		Texters.sleep(Duration.ofSeconds(2));
		servers.startPostgres();
		texters.awaitDone(Duration.ofMinutes(3));
		Invariants invariants = new Invariants(servers, twilio);
		invariants.awaitSettled(texters, Duration.ofMinutes(2));
		assertThat(texters.count(500)).isZero();
		invariants.assertHold(texters);
	}

	private Texters texters() {
		String base = "http://127.0.0.1:"
				+ ((org.springframework.boot.web.server.context.WebServerApplicationContext) service.context)
					.getWebServer()
					.getPort();
		Texters texters = new Texters(base, 30);
		texters.start(6, Duration.ofMillis(30));
		return texters;
	}
}
