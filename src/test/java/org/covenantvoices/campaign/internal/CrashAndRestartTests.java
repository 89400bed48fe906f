package org.covenantvoices.campaign.internal;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.covenantvoices.campaign.Campaign;
import org.covenantvoices.campaign.CampaignStatus;
import org.covenantvoices.campaign.CampaignTest;
import org.covenantvoices.support.Instance;
import org.covenantvoices.support.TestClock;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * An instance stops in the middle of a campaign and another takes over: every recipient gets exactly one message.
 * This test's own service does not feed campaigns meanwhile, so only the instances do.
 */
class CrashAndRestartTests extends CampaignTest {

	@Autowired
	CampaignDispatch feeder;

	@Test
	void anInstanceStopsMidCampaignAnotherFinishesItAndEveryoneGetsExactlyOneMessage() {
		feeder.stop();
		try {
			List<Person> people = new ArrayList<>();
			for (int i = 0; i < 60; i++) {
				people.add(person("en"));
			}
			TestClock.INSTANCE.set(london(10, 0, 0));
			Campaign campaign;
			try (Instance first = Instance.start(instanceOverrides())) {
				campaign = confirmed(updatesAtThisEvent(), messages(), Duration.ofSeconds(30));
				TestClock.INSTANCE.set(london(10, 0, 10));
				try {
					await().atMost(Duration.ofSeconds(60)).until(() -> sendsTo(people).size() >= 21);
				}
				catch (RuntimeException e) {
					System.out.println("DIAG " + jdbc.sql("SELECT status || ' ' || start_at || ' ' || coalesce(started_at::text, '-') "
							+ "|| ' ' || targeted FROM campaigns WHERE id = ?").param(campaign.id()).query(String.class).single());
					System.out.println("DIAG " + jdbc.sql("SELECT string_agg(state || ':' || n, ',') FROM (SELECT state, count(*) n "
							+ "FROM campaign_recipients WHERE campaign_id = ? GROUP BY 1) x").param(campaign.id()).query(String.class).single());
					System.out.println("DIAG " + jdbc.sql("SELECT string_agg(status || '/' || kind || ':' || n, ',') FROM (SELECT status, kind, count(*) n "
							+ "FROM outbound_messages GROUP BY 1, 2) x").query(String.class).single());
					System.out.println("DIAG clock " + TestClock.INSTANCE.instant() + " sends " + sendsTo(people).size());
					throw e;
				}
			}
			// The first instance is gone; nobody feeds the campaign now.
			TestClock.INSTANCE.set(london(10, 0, 20));
			pause();
			assertThat(sendsTo(people)).hasSize(21);

			try (Instance second = Instance.start(instanceOverrides())) {
				await().atMost(Duration.ofSeconds(60)).until(() -> sendsTo(people).size() >= 41);
				TestClock.INSTANCE.set(london(10, 0, 40));
				awaitStatus(campaign.id(), CampaignStatus.FINISHED);
				await().atMost(Duration.ofSeconds(60)).until(() -> sendsTo(people).size() >= 60);
			}
			pause();
			assertExactlyOnce(people, sendsTo(people));
			assertThat(campaigns.results(campaign.id()).sent()).isEqualTo(60);
		}
		finally {
			feeder.start();
		}
	}

	static java.time.Instant london(int hour, int minute, int second) {
		return java.time.LocalDateTime.of(2026, 12, 4, hour, minute, second)
			.atZone(java.time.ZoneId.of("Europe/London"))
			.toInstant();
	}

	static void pause() {
		try {
			Thread.sleep(1500);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
		}
	}
}
