package org.covenantvoices.console;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.covenantvoices.conversation.ConversationActivity;
import org.covenantvoices.conversation.ConversationStatistics;
import org.covenantvoices.conversation.FunnelStage;
import org.covenantvoices.participant.ParticipantActivity;
import org.covenantvoices.participant.ParticipantStatistics;
import org.covenantvoices.record.QuestionId;
import org.covenantvoices.record.RecordActivity;
import org.covenantvoices.record.RecordStatistics;
import org.covenantvoices.record.RecordTally;
import org.covenantvoices.support.Client;
import org.covenantvoices.support.IntegrationTest;
import org.covenantvoices.support.WebSession;
import org.covenantvoices.support.WebSession.Page;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.crypto.password.PasswordEncoder;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The dashboard's numbers: the record by question, source and nation with the people each answer speaks for, the
 * completion funnel, today's activity and the channels. Tests share one database, so each compares before and after.
 */
class DashboardTests extends IntegrationTest {

	@Autowired
	RecordStatistics record;

	@Autowired
	ConversationStatistics conversations;

	@Autowired
	ParticipantStatistics participants;

	@Autowired
	PasswordEncoder encoder;

	@Test
	void aGroupAnswerCountsOnceAsAContributionAndOnceForEachPersonItSpeaksFor() {
		RecordTally before = tally(QuestionId.Q2, "simulator", "scotland");
		Client.Phone phone = client.phone(newNumber());
		phone.send("Hi");
		phone.send("yes");
		phone.send("2");
		assertThat(phone.last("12")).contains("Where are you?");
		phone.send("2");
		assertThat(phone.last("Glasgow")).contains("Question 1 of 6");
		phone.send("no");
		phone.send("The principles miss money");
		assertThat(phone.last("Long-term funding helps most")).contains("Question 3 of 6");

		RecordTally after = tally(QuestionId.Q2, "simulator", "scotland");
		assertThat(after.contributions() - before.contributions()).isEqualTo(1);
		assertThat(after.peopleRepresented() - before.peopleRepresented()).isEqualTo(12);

		WebSession analyst = WebSession.signedIn(base(),
				ConsoleUsersFixture.user(jdbc, encoder, "dashboard-analyst", Role.ANALYST), ConsoleUsersFixture.PASSWORD);
		Page page = analyst.get("/dashboard?nation=scotland&source=simulator");
		assertThat(page.status()).isEqualTo(200);
		assertThat(page.text()).contains("contributions from Scotland through Simulator",
				"Q2: What makes partnership work " + after.contributions() + " " + after.peopleRepresented());
		assertThat(page.body()).contains("<svg", "role=\"img\"", "aria-labelledby=\"questions-chart-title questions-chart-desc\"",
				"<title id=\"questions-chart-title\">", "<desc id=\"funnel-chart-desc\">", "id=\"questions-table\"",
				"id=\"funnel-table\"");
	}

	@Test
	void theFunnelFollowsPeopleFromTheirFirstMessageToTheEnd() {
		Map<String, Long> before = funnel();
		client.phone(newNumber()).send("Hi");
		Client.Phone further = client.phone(newNumber());
		further.startAtQuestionOne();
		further.send("yes");
		assertThat(further.last("Because they fit")).contains("Question 2 of 6");

		Map<String, Long> after = funnel();
		assertThat(List.copyOf(after.keySet())).containsExactly("started", "consented", "Q1", "Q2", "Q3", "Q4", "Q5",
				"Q6", "OTHER", "finished");
		assertThat(after.get("started") - before.get("started")).isEqualTo(2);
		assertThat(after.get("consented") - before.get("consented")).isEqualTo(1);
		assertThat(after.get("Q1") - before.get("Q1")).isEqualTo(1);
		assertThat(after.get("Q2") - before.get("Q2")).isEqualTo(1);
		assertThat(after.get("Q3") - before.get("Q3")).isZero();
		assertThat(after.get("finished") - before.get("finished")).isZero();
		long previous = Long.MAX_VALUE;
		for (long people : after.values()) {
			assertThat(people).as("each stage has no more people than the one before").isLessThanOrEqualTo(previous);
			previous = people;
		}
	}

	@Test
	void todaysActivityCountsMessagesAnswersNewPeopleAndStops() {
		// An hour back rather than midnight, so that a run at midnight counts the same.
		Instant today = Instant.now().minusSeconds(3600);
		RecordActivity recordBefore = record.activitySince(today);
		ConversationActivity conversationBefore = conversations.activitySince(today);
		ParticipantActivity participantsBefore = participants.activitySince(today);

		Client.Phone phone = client.phone(newNumber());
		phone.startAtQuestionOne();
		phone.send("yes");
		phone.send("They fit");
		phone.send("STOP");

		RecordActivity recordAfter = record.activitySince(today);
		ConversationActivity conversationAfter = conversations.activitySince(today);
		ParticipantActivity participantsAfter = participants.activitySince(today);
		assertThat(recordAfter.contributions() - recordBefore.contributions()).isGreaterThanOrEqualTo(1);
		assertThat(recordAfter.participants() - recordBefore.participants()).isEqualTo(1);
		assertThat(conversationAfter.messagesReceived() - conversationBefore.messagesReceived()).isEqualTo(8);
		assertThat(conversationAfter.repliesQueued()).isGreaterThan(conversationBefore.repliesQueued());
		assertThat(conversationAfter.conversationsStarted() - conversationBefore.conversationsStarted()).isEqualTo(1);
		assertThat(participantsAfter.joined() - participantsBefore.joined()).isEqualTo(1);
		assertThat(participantsAfter.stopped() - participantsBefore.stopped()).isEqualTo(1);

		Page page = WebSession.signedIn(base(), "admin", ADMIN_PASSWORD).get("/dashboard");
		assertThat(page.text()).contains("Today", "Messages received", "Texted STOP");
	}

	@Test
	void everyChannelIsListedWithWhetherItIsSetUp() {
		Page page = WebSession.signedIn(base(), "admin", ADMIN_PASSWORD).get("/dashboard");
		assertThat(page.text()).contains("SMS Not set up", "WhatsApp Not set up", "Telegram Not set up",
				"Simulator Working On (SIMULATOR_ENABLED=true)");
	}

	private RecordTally tally(QuestionId question, String source, String nation) {
		return record.tally()
			.stream()
			.filter(t -> t.question() == question && source.equals(t.source()) && nation.equals(t.nation()))
			.findFirst()
			.orElse(new RecordTally(question, source, nation, 0, 0));
	}

	private Map<String, Long> funnel() {
		return conversations.funnel()
			.stream()
			.collect(Collectors.toMap(FunnelStage::stage, FunnelStage::people, (a, b) -> a,
					java.util.LinkedHashMap::new));
	}

	private String base() {
		return "http://localhost:" + port;
	}
}
