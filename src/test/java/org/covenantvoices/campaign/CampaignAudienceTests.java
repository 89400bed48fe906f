package org.covenantvoices.campaign;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** "Started, not finished" picks exactly the people it should, and never the stopped, the erased or the capped. */
class CampaignAudienceTests extends CampaignTest {

	@Test
	void startedNotFinishedSelectsExactlyTheIdleAndUnfinishedAndExcludesStoppedErasedAndCapped() {
		Person idleAtQ3 = started(person("en"), "q3", 5, false);
		Person idleAtQ5 = started(person("cy"), "q5", 4, false);
		Person recentlyActive = started(person("en"), "q3", 1, false);
		Person finished = started(person("en"), "thanks", 6, true);
		Person neverStarted = person("en");
		Person stopped = started(person("en"), "q3", 5, false);
		participants.stop(stopped.id());
		Person erased = started(person("en"), "q3", 5, false);
		jdbc.sql("UPDATE participants SET status = 'erased', erased_at = now() WHERE id = ?").param(erased.id()).update();
		Person cappedLately = started(person("en"), "q3", 5, false);
		reachedBefore(cappedLately, Duration.ofHours(10));
		Person cappedInAll = started(person("en"), "q3", 5, false);
		reachedBefore(cappedInAll, Duration.ofDays(30));
		reachedBefore(cappedInAll, Duration.ofDays(20));
		reachedBefore(cappedInAll, Duration.ofDays(10));
		Person reachedLongAgo = started(person("en"), "q4", 5, false);
		reachedBefore(reachedLongAgo, Duration.ofDays(10));

		Audience idleThreeDays = new Audience(true, 3, null, false, List.of(), eventCode, null, null, List.of(),
				List.of(), false);
		CampaignDraft draft = new CampaignDraft("Nudge " + eventCode, idleThreeDays, messages(),
				Instant.now().plus(Duration.ofDays(1)), null, null, null);
		assertThat(campaigns.preview(draft).recipients()).isEqualTo(3);
		Campaign campaign = campaigns.create(draft, "organiser-test");
		created.add(campaign.id());
		CampaignPreview dryRun = campaigns.dryRun(campaign.id());
		assertThat(dryRun.recipients()).isEqualTo(3);
		assertThat(dryRun.languages()).extracting(CampaignPreview.LanguagePreview::recipientsByChannel)
			.containsExactly(java.util.Map.of("sms", 2), java.util.Map.of("sms", 1));
		campaigns.confirm(campaign.id(), "organiser-test");
		assertThat(recipientsOf(campaign.id())).containsExactlyInAnyOrder(idleAtQ3.id(), idleAtQ5.id(),
				reachedLongAgo.id());
		assertThat(recipientsOf(campaign.id())).doesNotContain(recentlyActive.id(), finished.id(), neverStarted.id(),
				stopped.id(), erased.id(), cappedLately.id(), cappedInAll.id());

		Audience stuckAtQ3 = new Audience(true, 3, "q3", false, List.of(), eventCode, null, null, List.of(),
				List.of(), false);
		assertThat(campaigns.preview(new CampaignDraft("Q3 " + eventCode, stuckAtQ3, messages(), null, null, null,
				null)).recipients()).isEqualTo(1);
		Audience withCompleted = new Audience(true, 3, null, false, List.of(), eventCode, null, null, List.of(),
				List.of(), true);
		assertThat(campaigns.preview(new CampaignDraft("All " + eventCode, withCompleted, messages(), null, null, null,
				null)).recipients()).isEqualTo(3);
		Audience welshOnly = new Audience(true, 3, null, false, List.of(), eventCode, null, null, List.of(),
				List.of("cy"), false);
		assertThat(campaigns.preview(new CampaignDraft("Cy " + eventCode, welshOnly, messages(), null, null, null,
				null)).recipients()).isEqualTo(1);
	}

	private Person started(Person person, String step, int idleDays, boolean completed) {
		jdbc.sql("INSERT INTO conversation_sessions (participant_id, seq, script_version, language, step, state, "
				+ "started_at, last_activity_at, completed_at) VALUES (?, 1, 'test', 'en', ?, '{\"k\": true}'::jsonb, "
				+ "now() - make_interval(days => ?), now() - make_interval(days => ?), "
				+ "CASE WHEN ? THEN now() - make_interval(days => ?) END)")
			.params(person.id(), step, idleDays + 1, idleDays, completed, idleDays)
			.update();
		return person;
	}

	private void reachedBefore(Person person, Duration ago) {
		long other = jdbc.sql("INSERT INTO campaigns (name, status, audience, messages, created_by) "
				+ "VALUES (?, 'finished', '{}'::jsonb, '{}'::jsonb, 'test') RETURNING id")
			.param("Earlier " + UUID.randomUUID())
			.query(Long.class)
			.single();
		jdbc.sql("INSERT INTO campaign_recipients (campaign_id, participant_id, position, channel, language, state, "
				+ "queued_at) VALUES (?, ?, 0, 'sms', 'en', 'queued', now() - make_interval(secs => ?))")
			.params(other, person.id(), ago.toSeconds())
			.update();
	}

	private List<String> recipientsOf(long campaign) {
		return jdbc.sql("SELECT participant_id FROM campaign_recipients WHERE campaign_id = ?")
			.param(campaign)
			.query(String.class)
			.list();
	}
}
