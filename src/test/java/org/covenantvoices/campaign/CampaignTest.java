package org.covenantvoices.campaign;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import org.covenantvoices.participant.Participant;
import org.covenantvoices.participant.Participants;
import org.covenantvoices.support.ChannelTest;
import org.covenantvoices.support.ProviderFakes;
import org.covenantvoices.support.TestClock;
import org.covenantvoices.support.TwilioFake;
import org.junit.jupiter.api.AfterEach;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Campaign tests: SMS participants made directly in the register, each test tagged by an event code of its own. */
public abstract class CampaignTest extends ChannelTest {

	@Autowired
	protected Campaigns campaigns;

	@Autowired
	protected Participants participants;

	protected final String eventCode = "T" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();

	protected final List<Long> created = new ArrayList<>();

	@AfterEach
	void cleanUpCampaigns() {
		TestClock.INSTANCE.reset();
		for (long id : created) {
			campaigns.find(id).ifPresent(c -> {
				if (c.status() != CampaignStatus.CANCELLED && c.status() != CampaignStatus.FINISHED) {
					campaigns.cancel(id, "test");
				}
			});
		}
	}

	/** A person on SMS who opted in to updates and answered at this test's event. */
	protected Person person(String language) {
		String number = newNumber();
		Participant p = participants.identify("sms", number);
		participants.chooseLanguage(p.id(), language);
		participants.setUpdatesOptIn(p.id(), true);
		jdbc.sql("INSERT INTO contributions (participant_id, source, question_id, text, language, event_code) "
				+ "VALUES (?, 'sms', 'Q1', 'More time to plan together', ?, ?)")
			.params(p.id(), language, eventCode)
			.update();
		return new Person(p.id(), number);
	}

	protected record Person(String id, String number) {
	}

	protected Audience updatesAtThisEvent() {
		return new Audience(false, null, null, true, List.of(), eventCode, null, null, List.of(), List.of(), false);
	}

	protected static Map<String, String> messages() {
		return Map.of("en", "You've answered {answered} of {questions}. Reply to carry on.", "cy",
				"Rydych wedi ateb {answered} o {questions}. Atebwch i barhau.");
	}

	protected Campaign confirmed(Audience audience, Map<String, String> messages, Duration spread) {
		Campaign draft = campaigns.create(new CampaignDraft("Test " + eventCode, audience, messages, null, spread,
				LocalTime.of(9, 0), LocalTime.of(20, 0)), "organiser-test");
		created.add(draft.id());
		return campaigns.confirm(draft.id(), "organiser-test");
	}

	protected List<String> texts(Person person) {
		return twilio.textsTo(person.number());
	}

	protected void awaitStatus(long id, CampaignStatus status) {
		await().atMost(Duration.ofSeconds(60)).until(() -> campaigns.find(id).orElseThrow().status() == status);
	}

	/** When Twilio received each send to these numbers, with its segments. */
	protected static List<Send> sendsTo(List<Person> people) {
		List<String> numbers = people.stream().map(Person::number).toList();
		List<Send> sends = new ArrayList<>();
		for (ServeEvent event : ProviderFakes.server().getAllServeEvents()) {
			Map<String, String> form = TwilioFake.form(event.getRequest().getBodyAsString());
			if (event.getRequest().getUrl().startsWith(TwilioFake.MESSAGES_PATH) && numbers.contains(form.get("To"))) {
				sends.add(new Send(form.get("To"), event.getRequest().getLoggedDate().toInstant(),
						org.covenantvoices.plainlanguage.SmsSegments.of(form.get("Body")).segments()));
			}
		}
		sends.sort((a, b) -> a.at().compareTo(b.at()));
		return sends;
	}

	protected record Send(String to, Instant at, int segments) {
	}

	/** The most segments Twilio received in any one second. */
	protected static int busiestSecond(List<Send> sends) {
		int most = 0;
		int start = 0;
		int inWindow = 0;
		for (int end = 0; end < sends.size(); end++) {
			inWindow += sends.get(end).segments();
			while (Duration.between(sends.get(start).at(), sends.get(end).at()).toMillis() >= 1000) {
				inWindow -= sends.get(start).segments();
				start++;
			}
			most = Math.max(most, inWindow);
		}
		return most;
	}

	protected static void assertExactlyOnce(List<Person> people, List<Send> sends) {
		for (Person person : people) {
			assertThat(sends.stream().filter(s -> s.to().equals(person.number())).count())
				.as("messages to one recipient").isEqualTo(1);
		}
	}
}
