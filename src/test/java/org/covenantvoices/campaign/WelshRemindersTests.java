package org.covenantvoices.campaign;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;

import org.covenantvoices.support.TestClock;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Everyone gets a campaign in their own language, and an invited number's first message says who we are and how to
 * stop, in English or Welsh.
 */
class WelshRemindersTests extends CampaignTest {

	@Test
	void welshSpeakersGetTheWelshMessageAndInvitedNumbersAnIntroductionInTheirLanguage() {
		Person welsh = person("cy");
		Person english = person("en");
		String invitedWelsh = newNumber();
		String invitedEnglish = newNumber();
		List<Invitation> invitations = List.of(
				new Invitation(invitedWelsh, "sms", "cy", "Menter Iaith Caerdydd", LocalDate.of(2026, 11, 2),
						"sign-up sheet at the Cardiff roundtable"),
				new Invitation(invitedEnglish.replace("+44", "0"), null, null, "Leeds Food Bank",
						LocalDate.of(2026, 11, 3), "ticked the box on the volunteer form"));
		Audience audience = new Audience(false, null, null, true, invitations, null, null, null, List.of(), List.of(),
				false);
		TestClock.INSTANCE.set(QuietHoursTests.london(2026, 12, 5, 11, 0, 0));
		Campaign draft = campaigns.create(new CampaignDraft("Welsh " + eventCode,
				new Audience(false, null, null, true, invitations, eventCode, null, null, List.of(), List.of(), false),
				messages(), null, null, null, null), "organiser-test");
		created.add(draft.id());
		CampaignPreview preview = campaigns.dryRun(draft.id());
		assertThat(preview.recipients()).isEqualTo(2);
		assertThat(preview.languages().get(1).sample()).isEqualTo("Rydych wedi ateb 3 o 6. Atebwch i barhau.");

		// Without the event filter, the invited join the opted-in.
		Campaign invitedToo = campaigns.create(new CampaignDraft("Invited " + eventCode, audience, messages(), null,
				null, null, null), "organiser-test");
		created.add(invitedToo.id());
		assertThat(jdbc.sql("SELECT count(*) FROM campaign_invitations WHERE campaign_id = ? AND first_contact")
			.param(draft.id()).query(Integer.class).single()).isEqualTo(2);
		assertThat(campaigns.dryRun(invitedToo.id()).recipients()).isGreaterThanOrEqualTo(4);
		Audience invitedOnly = new Audience(false, null, null, false, invitations, null, null, null, List.of(),
				List.of(), false);
		Campaign invitation = confirmed(invitedOnly, messages(), null);
		campaigns.cancel(invitedToo.id(), "organiser-test");
		Campaign reminder = campaigns.confirm(draft.id(), "organiser-test");

		await().atMost(Duration.ofSeconds(30)).until(() -> twilio.textsTo(invitedWelsh).size() == 1
				&& twilio.textsTo(invitedEnglish).size() == 1 && texts(welsh).size() == 1 && texts(english).size() == 1);
		assertThat(texts(welsh)).containsExactly("Rydych wedi ateb 1 o 6. Atebwch i barhau.");
		assertThat(texts(english)).containsExactly("You've answered 1 of 6. Reply to carry on.");
		assertThat(twilio.textsTo(invitedWelsh).get(0)).startsWith("Helo, dyma Covenant Voices.")
			.contains("Tecstiwch STOPIO i stopio.")
			.endsWith("Rydych wedi ateb 0 o 6. Atebwch i barhau.");
		assertThat(twilio.textsTo(invitedEnglish).get(0)).startsWith("Hi, this is Covenant Voices.")
			.contains("Text STOP to stop.")
			.endsWith("You've answered 0 of 6. Reply to carry on.");
		awaitStatus(invitation.id(), CampaignStatus.FINISHED);
		awaitStatus(reminder.id(), CampaignStatus.FINISHED);
	}
}
