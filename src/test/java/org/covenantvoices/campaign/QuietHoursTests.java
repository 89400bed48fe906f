package org.covenantvoices.campaign;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import org.covenantvoices.support.TestClock;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A campaign confirmed at 19:58 London time, spread over four minutes of sending time: the first part goes at once,
 * sending pauses at 20:00, and it carries on at 09:00 the next morning. The campaign clock is the test's.
 */
class QuietHoursTests extends CampaignTest {

	private static final ZoneId LONDON = ZoneId.of("Europe/London");

	@Test
	void confirmedAt1958SendsTheFirstPartPausesAt2000AndResumesAt0900() {
		List<Person> people = new ArrayList<>();
		for (int i = 0; i < 8; i++) {
			people.add(person("en"));
		}
		TestClock.INSTANCE.set(london(2026, 12, 1, 19, 58, 0));
		Campaign campaign = confirmed(updatesAtThisEvent(), messages(), Duration.ofMinutes(4));

		// 19:58: the first of eight goes; the rest are spread over the four minutes of open time.
		await().atMost(Duration.ofSeconds(30)).until(() -> sendsTo(people).size() == 1);
		// 19:59:59: one every 30 seconds of open time, so four by 20:00.
		TestClock.INSTANCE.set(london(2026, 12, 1, 19, 59, 59));
		await().atMost(Duration.ofSeconds(30)).until(() -> sendsTo(people).size() == 4);

		// 20:00: quiet hours. Nothing more goes overnight.
		TestClock.INSTANCE.set(london(2026, 12, 1, 20, 0, 30));
		pause(Duration.ofSeconds(2));
		CampaignResults evening = campaigns.results(campaign.id());
		assertThat(evening.waitingForSendingWindow()).isTrue();
		assertThat(evening.skippedReasons()).containsEntry("quiet-hours-pending", 4L);
		TestClock.INSTANCE.set(london(2026, 12, 2, 8, 59, 59));
		pause(Duration.ofSeconds(2));
		assertThat(sendsTo(people)).hasSize(4);
		assertThat(campaigns.find(campaign.id()).orElseThrow().status()).isEqualTo(CampaignStatus.RUNNING);

		// 09:00 the next day: it carries on where it stopped, and finishes two minutes of sending time later.
		TestClock.INSTANCE.set(london(2026, 12, 2, 9, 0, 30));
		await().atMost(Duration.ofSeconds(30)).until(() -> sendsTo(people).size() == 6);
		assertThat(campaigns.results(campaign.id()).waitingForSendingWindow()).isFalse();
		TestClock.INSTANCE.set(london(2026, 12, 2, 9, 2, 0));
		awaitStatus(campaign.id(), CampaignStatus.FINISHED);
		await().atMost(Duration.ofSeconds(30)).until(() -> sendsTo(people).size() == 8);
		assertExactlyOnce(people, sendsTo(people));
		assertThat(texts(people.get(0))).containsExactly("You've answered 1 of 6. Reply to carry on.");
	}

	static Instant london(int year, int month, int day, int hour, int minute, int second) {
		return LocalDateTime.of(year, month, day, hour, minute, second).atZone(LONDON).toInstant();
	}

	static void pause(Duration duration) {
		try {
			Thread.sleep(duration.toMillis());
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
		}
	}
}
