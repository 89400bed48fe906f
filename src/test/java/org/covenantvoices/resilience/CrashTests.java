package org.covenantvoices.resilience;

import java.time.Duration;

import com.github.tomakehurst.wiremock.WireMockServer;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The service is killed with SIGKILL in the middle of a load of texts and started again: nothing it acknowledged is
 * lost, nothing is processed twice and nobody gets a reply twice. Own PostgreSQL, Redis and Twilio fake.
 */
class CrashTests {

	@Test
	void aServiceKilledMidLoadLosesNothingItAcknowledgedAndSendsNothingTwice() throws Exception {
		WireMockServer twilio = Fakes.twilio();
		try (OwnServers servers = new OwnServers()) {
			int port = OwnServers.freePort();
			var properties = servers.serviceProperties(twilio.baseUrl());
			ServiceProcess service = ServiceProcess.start(port, properties, "crash-first");
			Texters texters = new Texters(service.baseUrl, 40);
			texters.start(8, Duration.ZERO);
			int total = texters.numbers.size() * Texters.SCRIPT.size();
			await().atMost(Duration.ofMinutes(2)).until(() -> texters.acknowledged.size() >= total / 3);
			service.kill();
			int acknowledgedBeforeTheCrash = texters.acknowledged.size();
			ServiceProcess restarted = ServiceProcess.start(port, properties, "crash-second");
			try {
				texters.awaitDone(Duration.ofMinutes(3));
				Invariants invariants = new Invariants(servers, twilio);
				invariants.awaitSettled(texters, Duration.ofMinutes(2));
				assertThat(acknowledgedBeforeTheCrash).isLessThan(total);
				assertThat(texters.acknowledged).hasSize(total);
				assertThat(texters.count(-1)).as("deliveries while the service was down").isPositive();
				assertThat(texters.count(500)).isZero();
				invariants.assertHold(texters);
			}
			finally {
				restarted.stop();
			}
		}
		finally {
			twilio.stop();
		}
	}
}
