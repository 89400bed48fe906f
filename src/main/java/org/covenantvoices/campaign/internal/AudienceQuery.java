package org.covenantvoices.campaign.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import org.covenantvoices.campaign.Audience;

/**
 * The SQL that chooses a campaign's recipients: id, channel, language, and whether it is on the campaign's invitation
 * list. Stopped and erased people, people without a contact address and people reached by campaigns too
 * often lately are never chosen. Read across the participant, conversation and record tables on purpose: one query
 * gives the exact count the dry run promises and the confirmation inserts.
 */
final class AudienceQuery {

	/** Channels that send through the outbox; the simulator answers only in the same request. */
	static final String[] SENDING_CHANNELS = { "sms", "whatsapp", "telegram" };

	final String sql;

	final Map<String, Object> params = new LinkedHashMap<>();

	AudienceQuery(long campaignId, Audience audience, Instant now, CampaignProperties properties) {
		StringBuilder q = new StringBuilder("""
				SELECT p.id AS participant_id, p.channel,
				    COALESCE(inv.language, p.language, 'en') AS language,
				    (inv.participant_id IS NOT NULL) AS invited, p.created_at
				FROM participants p
				LEFT JOIN conversation_sessions s ON s.participant_id = p.id
				LEFT JOIN campaign_invitations inv ON inv.participant_id = p.id AND inv.campaign_id = :campaign
				WHERE p.status = 'active' AND p.channel = ANY (:sending)
				  AND EXISTS (SELECT 1 FROM contact_addresses a WHERE a.participant_id = p.id)
				  AND (false""");
		params.put("campaign", campaignId);
		params.put("sending", SENDING_CHANNELS);
		if (audience.startedNotFinished()) {
			q.append(" OR (s.participant_id IS NOT NULL AND s.completed_at IS NULL AND s.last_activity_at <= :idleBefore");
			params.put("idleBefore", Timestamp.from(now.minus(java.time.Duration.ofDays(audience.idleDaysOrZero()))));
			if (audience.atStep() != null && !audience.atStep().isBlank()) {
				q.append(" AND s.step = :step");
				params.put("step", audience.atStep().strip().toLowerCase());
			}
			q.append(")");
		}
		if (audience.updatesOptIn()) {
			q.append(" OR p.updates_opt_in");
		}
		q.append(" OR inv.participant_id IS NOT NULL)\n");
		if (!audience.includeCompleted()) {
			q.append(" AND (s.completed_at IS NULL)\n");
		}
		if (!audience.channels().isEmpty()) {
			q.append(" AND p.channel = ANY (:channels)\n");
			params.put("channels", audience.channels().toArray(String[]::new));
		}
		if (!audience.languages().isEmpty()) {
			q.append(" AND COALESCE(inv.language, p.language, 'en') = ANY (:languages)\n");
			params.put("languages", audience.languages().toArray(String[]::new));
		}
		contributed(q, "event_code", "event", audience.eventCode());
		contributed(q, "nation", "nation", audience.nation());
		contributed(q, "organisation_type", "organisationType", audience.organisationType());
		// The frequency cap: by default one campaign message per 72 hours, and three in all.
		q.append("""
				 AND NOT EXISTS (SELECT 1 FROM campaign_recipients r WHERE r.participant_id = p.id
				     AND r.state = 'queued' AND r.queued_at > :capSince)
				 AND (SELECT count(*) FROM campaign_recipients r WHERE r.participant_id = p.id AND r.state = 'queued')
				     < :capTotal""");
		params.put("capSince", Timestamp.from(now.minus(properties.capInterval())));
		params.put("capTotal", properties.capTotal());
		this.sql = q.toString();
	}

	private void contributed(StringBuilder q, String column, String param, String value) {
		if (value != null && !value.isBlank()) {
			q.append(" AND EXISTS (SELECT 1 FROM contributions c WHERE c.participant_id = p.id AND lower(c.")
				.append(column)
				.append(") = lower(:")
				.append(param)
				.append("))\n");
			params.put(param, value.strip());
		}
	}
}
