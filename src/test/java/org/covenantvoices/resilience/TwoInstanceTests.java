package org.covenantvoices.resilience;

import java.time.Duration;
import java.util.List;

import com.github.tomakehurst.wiremock.WireMockServer;
import org.covenantvoices.support.Instance;
import org.junit.jupiter.api.Test;
import org.springframework.boot.web.server.context.WebServerApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two instances on one Redis and one PostgreSQL, each person's texts arriving at both in turn: every message is kept
 * once, handled once and in order, and every reply goes out once, from whichever instance.
 */
class TwoInstanceTests {

	@Test
	void textsInterleavedAcrossTwoInstancesKeepOrderAndSession() throws Exception {
		WireMockServer twilio = Fakes.twilio();
		try (OwnServers servers = new OwnServers();
				Instance first = Instance.start(servers.serviceProperties(twilio.baseUrl()).toArray(String[]::new));
				Instance second = Instance.start(servers.serviceProperties(twilio.baseUrl(),
						"covenant.redis.namespace=" + namespace(first)).toArray(String[]::new))) {
			Texters texters = new Texters(List.of(base(first), base(second)), 30);
			texters.start(8, Duration.ZERO);
			texters.awaitDone(Duration.ofMinutes(3));
			Invariants invariants = new Invariants(servers, twilio);
			invariants.awaitSettled(texters, Duration.ofMinutes(2));
			assertThat(texters.count(500)).isZero();
			invariants.assertHold(texters);
		}
		finally {
			twilio.stop();
		}
	}

	private static String namespace(Instance instance) {
		return instance.context.getEnvironment().getProperty("covenant.redis.namespace");
	}

	private static String base(Instance instance) {
		return "http://127.0.0.1:" + ((WebServerApplicationContext) instance.context).getWebServer().getPort();
	}
}
