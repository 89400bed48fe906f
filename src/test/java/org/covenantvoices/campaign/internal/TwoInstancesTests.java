package org.covenantvoices.campaign.internal;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.covenantvoices.campaign.Campaign;
import org.covenantvoices.campaign.CampaignStatus;
import org.covenantvoices.campaign.CampaignTest;
import org.covenantvoices.plainlanguage.SmsSegments;
import org.covenantvoices.support.Instance;
import org.covenantvoices.support.TestClock;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two instances on the same PostgreSQL and Redis send one campaign: nobody gets it twice, and together they keep to
 * the one SMS rate (50 segments a second in tests, weighted by segments), not twice it.
 */
class TwoInstancesTests extends CampaignTest {

	private static final String LONG = "We are still keen to hear from you. You have answered {answered} of "
			+ "{questions} questions so far. Each answer helps shape how government and charities work together. "
			+ "It only takes a few minutes to finish, and you can stop at any time. Reply to this message to carry on "
			+ "where you left off, or text STOP if you do not want any more messages from us. Thank you.";

	@Test
	void noDuplicatesAndTheRateIsGlobal() {
		assertThat(SmsSegments.of(LONG).segments()).isEqualTo(3);
		List<Person> people = new ArrayList<>();
		for (int i = 0; i < 90; i++) {
			people.add(person("en"));
		}
		TestClock.INSTANCE.set(CrashAndRestartTests.london(11, 0, 0));
		try (Instance other = Instance.start(instanceOverrides())) {
			Campaign campaign = confirmed(updatesAtThisEvent(), Map.of("en", LONG, "cy", LONG), null);
			awaitStatus(campaign.id(), CampaignStatus.FINISHED);
			await().atMost(Duration.ofSeconds(90)).until(() -> sendsTo(people).size() >= 90);
		}
		CrashAndRestartTests.pause();
		List<Send> sends = sendsTo(people);
		assertExactlyOnce(people, sends);
		// 270 segments at 50 a second after a burst of 50: at least 4.4 seconds, whatever the number of instances.
		// At most 100 in any second (the burst and a second's rate), plus a little for the network's jitter; two
		// separate limits would allow 200.
		assertThat(busiestSecond(sends)).as("segments in the busiest second").isLessThanOrEqualTo(120);
		assertThat(Duration.between(sends.get(0).at(), sends.get(sends.size() - 1).at()))
			.isGreaterThan(Duration.ofMillis(3500));
	}
}
