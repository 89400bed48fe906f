package org.covenantvoices.conversation;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.covenantvoices.support.Client;
import org.covenantvoices.support.Instance;
import org.covenantvoices.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/** Coming back days later, starting over after a long time, and switching language. */
class LanguageAndReturnTests extends IntegrationTest {

	@Test
	void someoneWhoComesBackDaysLaterHearsWhereTheyWere() {
		Client.Phone phone = client.phone(newNumber());
		phone.startAtQuestionOne();
		assertThat(phone.last("yes")).contains("Why?");
		phone.send("Fine by me");
		assertThat(phone.last("More say for small groups")).contains("Question 3 of 6");

		try (Instance later = Instance.start()) {
			Conversations conversations = later.bean(Conversations.class);
			Instant threeDaysOn = Instant.now().plus(Duration.ofDays(3));
			List<Reply> replies = conversations.processAndClaimReplies(conversations.receive(
					new InboundMessage("simulator", phone.number(), UUID.randomUUID().toString(), "ok", threeDaysOn)));
			assertThat(replies).extracting(Reply::text)
				.containsExactly("Welcome back! You are on question 3 of 6.",
						"Question 3 of 6. What gets in the way of groups and the government working together?");
			replies = conversations.processAndClaimReplies(conversations.receive(new InboundMessage("simulator",
					phone.number(), UUID.randomUUID().toString(), "Too many forms", threeDaysOn.plusSeconds(60))));
			assertThat(replies).extracting(Reply::text).last().asString().contains("Question 4 of 6");

			Instant weekOn = threeDaysOn.plus(Duration.ofDays(4));
			List<Reply> back = conversations.processAndClaimReplies(conversations.receive(
					new InboundMessage("simulator", phone.number(), UUID.randomUUID().toString(), "Hello", weekOn)));
			assertThat(back).extracting(Reply::text)
				.containsExactly("Welcome back! You are on question 4 of 6.",
						"Question 4 of 6. How can we make sure this deal is kept, and really works?");
		}
	}

	@Test
	void aChoiceThatDoesNotFitAfterALongGapGetsAWelcomeBack() {
		Client.Phone phone = client.phone(newNumber());
		assertThat(phone.startAtQuestionOne()).contains("Question 1 of 6");
		try (Instance later = Instance.start()) {
			Conversations conversations = later.bean(Conversations.class);
			List<Reply> replies = conversations.processAndClaimReplies(conversations.receive(new InboundMessage(
					"simulator", phone.number(), UUID.randomUUID().toString(), "sorry I was away",
					Instant.now().plus(Duration.ofDays(2)))));
			assertThat(replies).extracting(Reply::text)
				.containsExactly("Welcome back! You are on question 1 of 6.",
						"Question 1 of 6. Are these the right 4 ideas? Reply YES, NO or NOT SURE.");
		}
	}

	@Test
	void afterTheSessionExpiresTheConversationStartsAgain() {
		Client.Phone phone = client.phone(newNumber());
		phone.send("Hi");
		phone.send("yes");
		try (Instance later = Instance.start("covenant.conversation.session-expiry=30d")) {
			Conversations conversations = later.bean(Conversations.class);
			List<Reply> replies = conversations.processAndClaimReplies(conversations.receive(new InboundMessage(
					"simulator", phone.number(), UUID.randomUUID().toString(), "Hi",
					Instant.now().plus(Duration.ofDays(31)))));
			assertThat(replies).extracting(Reply::text).first().asString().contains("This is Covenant Voices");
		}
	}

	@Test
	void welshStopWordsStopAnEnglishConversation() {
		for (String word : List.of("STOPIO", "dim mwy", "Dim Mwy!")) {
			Client.Phone phone = client.phone(newNumber());
			phone.send("Hi");
			assertThat(phone.send(word)).as(word).singleElement().asString().contains("no more messages");
			assertThat(phone.send("yes")).as(word).isEmpty();
		}
	}

	@Test
	void theLanguageCanBeSwitchedAtAnyStepAndIsUsedForEveryReply(@TempDir Path scripts) throws Exception {
		String english = Files.readString(Path.of("conversations/covenant-engagement.en.yaml"));
		Files.writeString(scripts.resolve("covenant-engagement.en.yaml"), english);
		// A stand-in second language: the engine's handling is what is under test, not the translation.
		String second = english.replace("language: en", "language: cy")
			.replace("language_name: English", "language_name: Cymraeg")
			.replace("language: [ENGLISH, SAESNEG]", "language: [CYMRAEG, WELSH]")
			.replace("Question {number} of {total}.", "Cwestiwn {number} o {total}.")
			.replace("You will get no more messages from us.", "Ni fyddwch yn cael mwy o negeseuon.");
		Files.writeString(scripts.resolve("covenant-engagement.cy.yaml"), second);

		try (Instance bilingual = Instance.start("covenant.conversation.scripts=" + scripts)) {
			Client.Phone phone = bilingual.client.phone(newNumber());
			assertThat(phone.startAtQuestionOne()).startsWith("Question 1 of 6");
			assertThat(phone.send("Cymraeg")).singleElement().asString().startsWith("Cwestiwn 1 o 6");
			phone.send("yes");
			assertThat(phone.last("Da iawn")).startsWith("Cwestiwn 2 o 6");
			String participant = participantOf(phone);
			assertThat(jdbc.sql("SELECT language FROM participants WHERE id = ?").param(participant)
				.query(String.class).single()).isEqualTo("cy");
			assertThat(jdbc.sql("SELECT language FROM contributions WHERE participant_id = ? AND question_id = 'Q1' "
					+ "AND superseded_at IS NULL").param(participant).query(String.class).single()).isEqualTo("cy");
			assertThat(phone.send("STOP")).singleElement().asString().contains("Ni fyddwch yn cael mwy");
			phone.send("START");
			assertThat(phone.send("english")).singleElement().asString().startsWith("Question 2 of 6");

			// A first message in a language word starts the whole conversation in that language.
			Client.Phone welsh = bilingual.client.phone(newNumber());
			welsh.send("Cymraeg");
			welsh.send("yes");
			welsh.send("1");
			welsh.send("skip");
			assertThat(welsh.last("skip")).startsWith("Cwestiwn 1 o 6");
		}
	}
}
