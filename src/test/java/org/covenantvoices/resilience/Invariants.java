package org.covenantvoices.resilience;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import org.covenantvoices.support.TwilioFake;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** What must hold after any fault: nothing acknowledged is lost, nothing is done twice, every session is right. */
final class Invariants {

	private final JdbcClient jdbc;

	private final WireMockServer twilio;

	Invariants(OwnServers servers, WireMockServer twilio) {
		this.jdbc = JdbcClient.create(new DriverManagerDataSource(servers.jdbcUrl(), "postgres", ""));
		this.twilio = twilio;
	}

	/** Waits until every stored message has been processed and every reply handed over or given up on. */
	void awaitSettled(Texters texters, Duration atMost) {
		await().conditionEvaluationListener(condition -> {
			if (condition.getRemainingTimeInMS() < 1000) {
				System.err.println("not settled: " + jdbc.sql("SELECT (SELECT count(*) FROM inbound_messages) || ' stored, ' "
						+ "|| (SELECT count(*) FROM inbound_messages WHERE processed_at IS NULL) || ' waiting, ' "
						+ "|| (SELECT string_agg(status || '=' || n, ' ') FROM (SELECT status, count(*) n "
						+ "FROM outbound_messages GROUP BY status) s)").query(String.class).single() + "; "
						+ texters.acknowledged.size() + " acknowledged");
			}
		}).atMost(atMost).pollInterval(Duration.ofMillis(500)).ignoreExceptions().until(() -> {
			long stored = jdbc.sql("SELECT count(*) FROM inbound_messages").query(Long.class).single();
			long waiting = jdbc.sql("SELECT count(*) FROM inbound_messages WHERE processed_at IS NULL")
				.query(Long.class).single();
			long unsent = jdbc.sql("SELECT count(*) FROM outbound_messages WHERE status IN ('queued', 'sending')")
				.query(Long.class).single();
			return stored == texters.acknowledged.size() && waiting == 0 && unsent == 0;
		});
	}

	void assertHold(Texters texters) {
		// Every acknowledged message is in the record, exactly once.
		for (String sid : texters.acknowledged) {
			assertThat(jdbc.sql("SELECT count(*) FROM inbound_messages WHERE provider_message_id = ?")
				.param(sid).query(Long.class).single()).as("stored copies of %s", sid).isEqualTo(1);
		}
		Map<String, List<String>> texts = textsByNumber();
		for (String number : texters.numbers) {
			List<String> received = texts.getOrDefault(number, List.of());
			// Each of the six messages has a different reply: a text arriving twice was sent twice.
			assertThat(received).as("texts to %s", number).doesNotHaveDuplicates();
		}
		// Each person's six messages were processed once each and in order: the session took six steps.
		List<Map<String, Object>> sessions = jdbc.sql("""
				SELECT s.participant_id, s.seq, (SELECT count(*) FROM inbound_messages i
				    WHERE i.participant_id = s.participant_id) AS inbound
				FROM conversation_sessions s""").query().listOfRows();
		assertThat(sessions).hasSize(texters.numbers.size());
		assertThat(sessions).allSatisfy(row -> {
			assertThat(((Number) row.get("inbound")).longValue()).isEqualTo(Texters.SCRIPT.size());
			assertThat(((Number) row.get("seq")).longValue()).isEqualTo(Texters.SCRIPT.size());
		});
		// And the conversation is where six messages take it, for everyone.
		assertThat(jdbc.sql("SELECT DISTINCT step FROM conversation_sessions").query(String.class).list())
			.hasSize(1);
	}

	long replies() {
		return jdbc.sql("SELECT count(*) FROM outbound_messages").query(Long.class).single();
	}

	Map<String, List<String>> textsByNumber() {
		Map<String, List<String>> texts = new HashMap<>();
		List<ServeEvent> events = new ArrayList<>(twilio.getAllServeEvents());
		events.sort((a, b) -> a.getRequest().getLoggedDate().compareTo(b.getRequest().getLoggedDate()));
		for (ServeEvent event : events) {
			// What the person's phone shows: the sends Twilio accepted.
			if (!event.getRequest().getUrl().startsWith(TwilioFake.MESSAGES_PATH)
					|| event.getResponse().getStatus() != 201) {
				continue;
			}
			Map<String, String> form = TwilioFake.form(event.getRequest().getBodyAsString());
			texts.computeIfAbsent(form.get("To"), k -> new ArrayList<>()).add(form.get("Body"));
		}
		return texts;
	}
}
