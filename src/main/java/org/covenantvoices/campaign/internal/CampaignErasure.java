package org.covenantvoices.campaign.internal;

import org.covenantvoices.participant.ParticipantErased;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Runs inside the erasing transaction: the consent basis of an invited number may name the person, so it goes; what is
 * left (that a pseudonymous id was a campaign's recipient, and why it was skipped) holds nothing personal and keeps
 * the campaign's counts right. Nothing more is sent: the person is erased, which the last check before sending sees.
 */
@Component
class CampaignErasure {

	private final JdbcClient jdbc;

	CampaignErasure(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@EventListener
	void on(ParticipantErased event) {
		jdbc.sql("DELETE FROM campaign_invitations WHERE participant_id = ?").param(event.participantId()).update();
	}
}
