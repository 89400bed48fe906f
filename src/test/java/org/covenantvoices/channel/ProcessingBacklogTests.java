package org.covenantvoices.channel;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.covenantvoices.support.ChannelTest;
import org.covenantvoices.support.Instance;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A burst of first messages bigger than the processing queue: every person gets their reply promptly, not once the
 * recovery sweep (which waits for messages 30 s old) comes round.
 */
class ProcessingBacklogTests extends ChannelTest {

	static final String INBOUND = "/webhooks/twilio/sms";

	@Test
	void aBurstBiggerThanTheProcessingQueueIsAllAnsweredWithoutWaitingForTheSweep() throws Exception {
		List<String> numbers = new ArrayList<>();
		for (int i = 0; i < 40; i++) {
			numbers.add(newNumber());
		}
		// One processor and room for one waiting person: almost the whole burst overflows into the inbox.
		try (Instance small = Instance.start(instanceOverrides("covenant.channels.inbound.processing-threads=1",
				"covenant.channels.inbound.processing-queue=1"))) {
			ExecutorService phones = Executors.newFixedThreadPool(8);
			try {
				List<Future<Integer>> sent = new ArrayList<>();
				for (String number : numbers) {
					sent.add(phones.submit(() -> {
						Map<String, String> params = twilioMessage(number, "Hi");
						return small.client.post(INBOUND, "application/x-www-form-urlencoded", form(params),
								twilioSignature(INBOUND, params)).status();
					}));
				}
				for (Future<Integer> status : sent) {
					assertThat(status.get()).isEqualTo(200);
				}
			}
			finally {
				phones.shutdown();
			}
			// Well inside the 30 s after which the recovery sweep would first look at them.
			await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(numbers)
				.allSatisfy(number -> assertThat(twilio.textsTo(number)).hasSize(2)
					.anySatisfy(text -> assertThat(text).contains("Reply YES"))));
		}
	}
}
