package org.covenantvoices.resilience;

import java.time.Duration;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import org.covenantvoices.support.Instance;
import org.covenantvoices.support.TwilioFake;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.boot.web.server.context.WebServerApplicationContext;

import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Twilio failing every send under load: the circuit opens and stops the calls, retries stay bounded, and once Twilio
 * is back the outbox drains with nothing sent twice. (One-message faults, 429 with Retry-After, resets and 20 s stalls
 * are in TwilioDeliveryTests.)
 */
class ProviderFaultTests {

	@Test
	void aFailingProviderOpensTheCircuitAndTheOutboxDrainsOnceItIsBack() throws Exception {
		WireMockServer twilio = Fakes.twilio();
		try (OwnServers servers = new OwnServers();
				Instance service = Instance.start(servers.serviceProperties(twilio.baseUrl()).toArray(String[]::new))) {
			StubMapping down = twilio.stubFor(post(urlPathEqualTo(TwilioFake.MESSAGES_PATH)).atPriority(1)
				.willReturn(TwilioFake.error(500, 20500, "Internal Server Error")));
			CircuitBreaker breaker = service.bean(CircuitBreakerRegistry.class).circuitBreaker("twilio");
			int port = ((WebServerApplicationContext) service.context).getWebServer().getPort();
			Texters texters = new Texters("http://127.0.0.1:" + port, 10);
			texters.start(4, Duration.ofMillis(50));

			await().atMost(Duration.ofMinutes(1)).until(() -> breaker.getState() == CircuitBreaker.State.OPEN);
			int whenOpened = twilio.countRequestsMatching(postRequestedFor(urlPathEqualTo(TwilioFake.MESSAGES_PATH))
				.build()).getCount();
			Texters.sleep(Duration.ofSeconds(1));
			// Open: no calls at all for the wait (2 s in tests), whatever is queued.
			assertThat(twilio.countRequestsMatching(postRequestedFor(urlPathEqualTo(TwilioFake.MESSAGES_PATH))
				.build()).getCount()).isEqualTo(whenOpened);
			twilio.removeStub(down);

			texters.awaitDone(Duration.ofMinutes(2));
			Invariants invariants = new Invariants(servers, twilio);
			invariants.awaitSettled(texters, Duration.ofMinutes(2));
			JdbcClient jdbc = JdbcClient.create(new DriverManagerDataSource(servers.jdbcUrl(), "postgres", ""));
			long sent = jdbc.sql("SELECT count(*) FROM outbound_messages WHERE status = 'sent'").query(Long.class).single();
			long accepted = twilio.getAllServeEvents().stream().filter(e -> e.getResponse().getStatus() == 201).count();
			long calls = twilio.getAllServeEvents().size();
			long replies = invariants.replies();
			// Nothing sent twice: Twilio accepted exactly the messages recorded as sent, and every one went out.
			assertThat(accepted).isEqualTo(sent).isEqualTo(replies);
			// Bounded: at most the configured 6 attempts per message, far fewer with the circuit open.
			assertThat(calls).isLessThanOrEqualTo(replies * 6);
			invariants.assertHold(texters);
		}
		finally {
			twilio.stop();
		}
	}
}
