package org.covenantvoices.campaign.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Time;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import org.covenantvoices.audit.AuditLog;
import org.covenantvoices.campaign.Audience;
import org.covenantvoices.campaign.Campaign;
import org.covenantvoices.campaign.CampaignDraft;
import org.covenantvoices.campaign.CampaignPreview;
import org.covenantvoices.campaign.CampaignResults;
import org.covenantvoices.campaign.CampaignStatus;
import org.covenantvoices.campaign.Campaigns;
import org.covenantvoices.campaign.Invitation;
import org.covenantvoices.conversation.Outbox;
import org.covenantvoices.participant.Participant;
import org.covenantvoices.participant.Participants;
import org.covenantvoices.plainlanguage.SmsSegments;
import org.covenantvoices.record.InvalidRequest;
import org.covenantvoices.record.NotFound;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

@Component
class JdbcCampaigns implements Campaigns {

	private static final PhoneNumberUtil PHONES = PhoneNumberUtil.getInstance();

	private static final String COLUMNS = "id, name, status, audience::text AS audience, messages::text AS messages, "
			+ "start_at, spread_seconds, send_from, send_until, created_by, created_at, confirmed_by, confirmed_at, "
			+ "started_at, finished_at";

	private final JdbcClient jdbc;

	private final TransactionTemplate tx;

	private final Participants participants;

	private final Outbox outbox;

	private final AuditLog audit;

	private final CampaignProperties properties;

	private final JsonMapper json;

	private final Clock clock;

	JdbcCampaigns(JdbcClient jdbc, TransactionTemplate tx, Participants participants, Outbox outbox, AuditLog audit,
			CampaignProperties properties, JsonMapper json, ObjectProvider<Clock> clock) {
		this.jdbc = jdbc;
		this.tx = tx;
		this.participants = participants;
		this.outbox = outbox;
		this.audit = audit;
		this.properties = properties;
		this.json = json;
		this.clock = clock.getIfAvailable(Clock::systemUTC);
	}

	// ---- drafts ------------------------------------------------------------------------------------------------

	@Override
	public CampaignPreview preview(CampaignDraft draft) {
		List<String> problems = new ArrayList<>(check(draft, false));
		problems.addAll(MessageTemplates.advice(draft == null ? null : draft.messages()));
		if (draft == null || draft.audience() == null) {
			return new CampaignPreview(0, List.of(), 0, problems);
		}
		// An unsaved draft's invitation numbers are not registered yet: each counts as one first contact.
		List<Recipient> chosen = tx.execute(status -> {
			status.setRollbackOnly();
			return choose(0, draft.audience());
		});
		List<Recipient> all = new ArrayList<>(chosen);
		for (Invitation invitation : draft.audience().invitations()) {
			all.add(new Recipient("invitation", channelOf(invitation), languageOf(invitation), true));
		}
		return preview(draft, all, problems);
	}

	@Override
	public Campaign create(CampaignDraft draft, String actor) {
		List<String> problems = check(draft, true);
		if (!problems.isEmpty()) {
			throw new InvalidRequest(String.join("; ", problems));
		}
		return tx.execute(status -> {
			Audience stored = new Audience(draft.audience().startedNotFinished(), draft.audience().idleDays(),
					draft.audience().atStep(), draft.audience().updatesOptIn(), List.of(), draft.audience().eventCode(),
					draft.audience().nation(), draft.audience().organisationType(), draft.audience().channels(),
					draft.audience().languages(), draft.audience().includeCompleted());
			long id = jdbc.sql("""
					INSERT INTO campaigns (name, audience, messages, start_at, spread_seconds, send_from, send_until,
					    created_by) VALUES (?, ?::jsonb, ?::jsonb, ?, ?, ?, ?, ?) RETURNING id""")
				.params(draft.name().strip(), json.writeValueAsString(stored),
						json.writeValueAsString(draft.messages()),
						draft.startAt() == null ? null : Timestamp.from(draft.startAt()),
						draft.spread() == null ? 0 : (int) draft.spread().toSeconds(),
						draft.sendFrom() == null ? null : Time.valueOf(draft.sendFrom()),
						draft.sendUntil() == null ? null : Time.valueOf(draft.sendUntil()), actor)
				.query(Long.class)
				.single();
			for (Invitation invitation : draft.audience().invitations()) {
				invite(id, invitation);
			}
			Map<String, Object> details = new LinkedHashMap<>();
			details.put("name", draft.name().strip());
			details.put("invitations", draft.audience().invitations().size());
			audit.record(actor, "campaign.created", Long.toString(id), details);
			return find(id).orElseThrow();
		});
	}

	private void invite(long campaignId, Invitation invitation) {
		String channel = channelOf(invitation);
		String number = e164(invitation.number());
		boolean known = participants.findByAddress(channel, number).isPresent();
		Participant participant = participants.identify(channel, number);
		jdbc.sql("""
				INSERT INTO campaign_invitations (campaign_id, participant_id, language, consent_given_by,
				    consent_given_at, consent_how, first_contact) VALUES (?, ?, ?, ?, ?, ?, ?)
				ON CONFLICT (campaign_id, participant_id) DO NOTHING""")
			.params(campaignId, participant.id(), languageOf(invitation), invitation.consentGivenBy().strip(),
					invitation.consentGivenAt(), invitation.consentHow().strip(), !known)
			.update();
	}

	private static String channelOf(Invitation invitation) {
		return invitation.channel() == null || invitation.channel().isBlank() ? "sms"
				: invitation.channel().strip().toLowerCase();
	}

	private static String languageOf(Invitation invitation) {
		return invitation.language() == null || invitation.language().isBlank() ? "en"
				: invitation.language().strip().toLowerCase();
	}

	static String e164(String number) {
		try {
			var parsed = PHONES.parse(number.strip(), "GB");
			if (!PHONES.isPossibleNumber(parsed)) {
				throw new InvalidRequest("Not a valid phone number: " + mask(number));
			}
			return PHONES.format(parsed, PhoneNumberUtil.PhoneNumberFormat.E164);
		}
		catch (NumberParseException e) {
			throw new InvalidRequest("Not a phone number: " + mask(number));
		}
	}

	/** Enough of a number to find it in the upload, not the whole of it. */
	private static String mask(String number) {
		String s = number.strip();
		return s.length() <= 4 ? s : "..." + s.substring(s.length() - 4);
	}

	private List<String> check(CampaignDraft draft, boolean strict) {
		List<String> problems = new ArrayList<>();
		if (draft == null) {
			return List.of("Send a campaign: name, audience, messages");
		}
		if (draft.name() == null || draft.name().isBlank()) {
			problems.add("Give the campaign a name");
		}
		else if (draft.name().length() > 200) {
			problems.add("The name is longer than 200 characters");
		}
		problems.addAll(MessageTemplates.problems(draft.messages()));
		Audience audience = draft.audience();
		if (audience == null || !audience.startedNotFinished() && !audience.updatesOptIn()
				&& audience.invitations().isEmpty()) {
			problems.add("Choose an audience: people who started and did not finish, people who opted in to "
					+ "updates, or an invitation list");
		}
		if (audience != null) {
			if (audience.idleDays() != null && audience.idleDays() < 0) {
				problems.add("Idle days cannot be negative");
			}
			for (String channel : audience.channels()) {
				if (!List.of(AudienceQuery.SENDING_CHANNELS).contains(channel)) {
					problems.add("Channel must be sms, whatsapp or telegram, not " + channel);
				}
			}
			for (String language : audience.languages()) {
				if (!MessageTemplates.LANGUAGES.contains(language)) {
					problems.add("Language must be en or cy, not " + language);
				}
			}
			int row = 0;
			for (Invitation invitation : audience.invitations()) {
				row++;
				if (invitation == null || invitation.number() == null || invitation.number().isBlank()) {
					problems.add("Invitation " + row + " has no number");
					continue;
				}
				if (invitation.consentGivenBy() == null || invitation.consentGivenBy().isBlank()
						|| invitation.consentGivenAt() == null || invitation.consentHow() == null
						|| invitation.consentHow().isBlank()) {
					problems.add("Invitation " + row + " needs its consent basis: who gave consent, when and how");
				}
				if (invitation.consentGivenAt() != null && invitation.consentGivenAt().isAfter(LocalDate.now(clock))) {
					problems.add("Invitation " + row + " has consent given in the future");
				}
				if (!List.of("sms", "whatsapp").contains(channelOf(invitation))) {
					problems.add("Invitation " + row + " must be for sms or whatsapp");
				}
				if (!MessageTemplates.LANGUAGES.contains(languageOf(invitation))) {
					problems.add("Invitation " + row + " must be in en or cy");
				}
				if (strict) {
					try {
						e164(invitation.number());
					}
					catch (InvalidRequest e) {
						problems.add("Invitation " + row + ": " + e.getMessage());
					}
				}
			}
		}
		if (draft.spread() != null && (draft.spread().isNegative() || draft.spread().toDays() > 30)) {
			problems.add("Spread over between 0 and 30 days");
		}
		if (draft.sendFrom() != null && draft.sendUntil() != null && !draft.sendFrom().isBefore(draft.sendUntil())) {
			problems.add("The sending window must start before it ends");
		}
		return problems;
	}

	private CampaignPreview preview(CampaignDraft draft, List<Recipient> recipients, List<String> problems) {
		Map<String, String> messages = draft.messages() == null ? Map.of() : draft.messages();
		List<CampaignPreview.LanguagePreview> languages = new ArrayList<>();
		long total = 0;
		for (String language : MessageTemplates.LANGUAGES) {
			String template = messages.getOrDefault(language, "");
			String sample = MessageTemplates.render(template, 3);
			SmsSegments segments = SmsSegments.of(sample);
			int invitationSegments = SmsSegments
				.of(MessageTemplates.withIntroduction(properties.introduction().get(language), sample))
				.segments();
			Map<String, Integer> byChannel = new TreeMap<>();
			for (Recipient r : recipients) {
				if (r.language().equals(language)) {
					byChannel.merge(r.channel(), 1, Integer::sum);
					total += "sms".equals(r.channel()) ? (r.invited() ? invitationSegments : segments.segments()) : 1;
				}
			}
			languages.add(new CampaignPreview.LanguagePreview(language, sample, segments.encoding().name(),
					segments.segments(), invitationSegments, byChannel));
		}
		return new CampaignPreview(recipients.size(), languages, total, problems);
	}

	private List<Recipient> choose(long campaignId, Audience audience) {
		AudienceQuery query = new AudienceQuery(campaignId, audience, clock.instant(), properties);
		var statement = jdbc.sql(query.sql);
		for (Map.Entry<String, Object> param : query.params.entrySet()) {
			statement = statement.param(param.getKey(), param.getValue());
		}
		return statement.query((rs, n) -> new Recipient(rs.getString("participant_id"), rs.getString("channel"),
				rs.getString("language"), rs.getBoolean("invited"))).list();
	}

	private record Recipient(String participantId, String channel, String language, boolean invited) {
	}

	// ---- reading -----------------------------------------------------------------------------------------------

	@Override
	public List<Campaign> list() {
		return jdbc.sql("SELECT " + COLUMNS + " FROM campaigns ORDER BY id DESC LIMIT 500").query(this::map).list();
	}

	@Override
	public Optional<Campaign> find(long id) {
		return jdbc.sql("SELECT " + COLUMNS + " FROM campaigns WHERE id = ?").param(id).query(this::map).optional();
	}

	private Campaign get(long id) {
		return find(id).orElseThrow(() -> new NotFound("There is no campaign " + id));
	}

	private Campaign map(ResultSet rs, int row) throws SQLException {
		// Tolerant of fields missing from older or hand-made rows: a missing choice is "no".
		Audience audience = json.readerFor(Audience.class)
			.without(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
			.readValue(rs.getString("audience"));
		Map<String, String> messages = json.readValue(rs.getString("messages"),
				new TypeReference<Map<String, String>>() {
				});
		Time from = rs.getTime("send_from");
		Time until = rs.getTime("send_until");
		CampaignDraft draft = new CampaignDraft(rs.getString("name"), audience, messages, instant(rs, "start_at"),
				Duration.ofSeconds(rs.getInt("spread_seconds")), from == null ? null : from.toLocalTime(),
				until == null ? null : until.toLocalTime());
		return new Campaign(rs.getLong("id"), rs.getString("name"), CampaignStatus.fromDb(rs.getString("status")),
				draft, rs.getString("created_by"), instant(rs, "created_at"), rs.getString("confirmed_by"),
				instant(rs, "confirmed_at"), instant(rs, "started_at"), instant(rs, "finished_at"));
	}

	private static Instant instant(ResultSet rs, String column) throws SQLException {
		Timestamp t = rs.getTimestamp(column);
		return t == null ? null : t.toInstant();
	}

	@Override
	public CampaignPreview dryRun(long id) {
		Campaign campaign = get(id);
		List<Recipient> recipients;
		if (campaign.status() == CampaignStatus.DRAFT) {
			recipients = choose(id, campaign.draft().audience());
		}
		else {
			recipients = jdbc.sql("SELECT participant_id, channel, language, invited FROM campaign_recipients "
					+ "WHERE campaign_id = ?")
				.param(id)
				.query((rs, n) -> new Recipient(rs.getString(1), rs.getString(2), rs.getString(3), rs.getBoolean(4)))
				.list();
		}
		return preview(campaign.draft(), recipients,
				new ArrayList<>(MessageTemplates.advice(campaign.draft().messages())));
	}

	// ---- control -----------------------------------------------------------------------------------------------

	@Override
	public Campaign confirm(long id, String actor) {
		return tx.execute(status -> {
			Campaign campaign = lock(id);
			if (campaign.status() != CampaignStatus.DRAFT) {
				throw new InvalidRequest("Campaign " + id + " is " + campaign.status().dbValue()
						+ ": only a draft can be confirmed");
			}
			Instant now = clock.instant();
			AudienceQuery query = new AudienceQuery(id, campaign.draft().audience(), now, properties);
			var insert = jdbc.sql("INSERT INTO campaign_recipients (campaign_id, participant_id, position, channel, "
					+ "language, invited) SELECT :campaign, participant_id, "
					+ "(row_number() OVER (ORDER BY created_at, participant_id) - 1)::integer, channel, language, invited "
					+ "FROM (" + query.sql + ") chosen");
			for (Map.Entry<String, Object> param : query.params.entrySet()) {
				insert = insert.param(param.getKey(), param.getValue());
			}
			int targeted = insert.update();
			Instant startAt = campaign.draft().startAt() == null || campaign.draft().startAt().isBefore(now) ? now
					: campaign.draft().startAt();
			jdbc.sql("UPDATE campaigns SET status = 'scheduled', confirmed_by = ?, confirmed_at = ?, start_at = ?, "
					+ "targeted = ?, updated_at = now() WHERE id = ?")
				.params(actor, Timestamp.from(now), Timestamp.from(startAt), targeted, id)
				.update();
			audit.record(actor, "campaign.confirmed", Long.toString(id),
					Map.of("recipients", targeted, "startAt", startAt.toString()));
			return get(id);
		});
	}

	@Override
	public Campaign pause(long id, String actor) {
		return tx.execute(status -> {
			Campaign campaign = lock(id);
			if (campaign.status() != CampaignStatus.RUNNING && campaign.status() != CampaignStatus.SCHEDULED) {
				throw new InvalidRequest("Campaign " + id + " is " + campaign.status().dbValue()
						+ ": only a scheduled or running campaign can be paused");
			}
			setStatus(id, CampaignStatus.PAUSED);
			// What waits in the outbox goes back to the campaign, to be sent on resume.
			List<Long> withdrawn = outbox.withdrawReminders(queuedMessages(id), "campaign-paused",
					"taken back when the campaign was paused; sent again on resume");
			if (!withdrawn.isEmpty()) {
				jdbc.sql("UPDATE campaign_recipients SET state = 'pending', outbound_message_id = NULL, queued_at = NULL "
						+ "WHERE campaign_id = ? AND outbound_message_id = ANY (?)")
					.params(id, withdrawn.toArray(Long[]::new))
					.update();
			}
			audit.record(actor, "campaign.paused", Long.toString(id), Map.of("takenBack", withdrawn.size()));
			return get(id);
		});
	}

	@Override
	public Campaign resume(long id, String actor) {
		return tx.execute(status -> {
			Campaign campaign = lock(id);
			if (campaign.status() != CampaignStatus.PAUSED) {
				throw new InvalidRequest("Campaign " + id + " is " + campaign.status().dbValue()
						+ ": only a paused campaign can be resumed");
			}
			setStatus(id, campaign.startedAt() == null ? CampaignStatus.SCHEDULED : CampaignStatus.RUNNING);
			audit.record(actor, "campaign.resumed", Long.toString(id), Map.of());
			return get(id);
		});
	}

	@Override
	public Campaign cancel(long id, String actor) {
		return tx.execute(status -> {
			Campaign campaign = lock(id);
			if (campaign.status() == CampaignStatus.CANCELLED || campaign.status() == CampaignStatus.FINISHED) {
				throw new InvalidRequest("Campaign " + id + " is " + campaign.status().dbValue() + " already");
			}
			setStatus(id, CampaignStatus.CANCELLED);
			int notSent = jdbc.sql("UPDATE campaign_recipients SET state = 'cancelled', reason = 'cancelled' "
					+ "WHERE campaign_id = ? AND state = 'pending'")
				.param(id)
				.update();
			List<Long> withdrawn = outbox.withdrawReminders(queuedMessages(id), "campaign-cancelled",
					"the campaign was cancelled before this message was sent");
			audit.record(actor, "campaign.cancelled", Long.toString(id),
					Map.of("notSent", notSent + withdrawn.size()));
			return get(id);
		});
	}

	/** Locks the campaign row: feeding instances hold it shared, so a change waits for a batch in progress. */
	private Campaign lock(long id) {
		jdbc.sql("SELECT id FROM campaigns WHERE id = ? FOR UPDATE").param(id).query(Long.class).optional()
			.orElseThrow(() -> new NotFound("There is no campaign " + id));
		return get(id);
	}

	private void setStatus(long id, CampaignStatus status) {
		jdbc.sql("UPDATE campaigns SET status = ?, updated_at = now(), finished_at = CASE WHEN ? THEN now() END "
				+ "WHERE id = ?")
			.params(status.dbValue(), status == CampaignStatus.CANCELLED, id)
			.update();
	}

	private List<Long> queuedMessages(long id) {
		return jdbc.sql("SELECT r.outbound_message_id FROM campaign_recipients r JOIN outbound_messages o "
				+ "ON o.id = r.outbound_message_id WHERE r.campaign_id = ? AND r.state = 'queued' AND o.status = 'queued'")
			.param(id)
			.query(Long.class)
			.list();
	}

	// ---- results -----------------------------------------------------------------------------------------------

	@Override
	public CampaignResults results(long id) {
		Campaign campaign = get(id);
		Map<String, Object> row = jdbc.sql("""
				SELECT count(*) AS targeted,
				    count(*) FILTER (WHERE r.state = 'pending') AS pending,
				    count(*) FILTER (WHERE o.status IN ('queued', 'sending')) AS queued,
				    count(*) FILTER (WHERE o.status IN ('sent', 'delivered', 'read')) AS sent,
				    count(*) FILTER (WHERE o.status IN ('delivered', 'read')) AS delivered,
				    count(*) FILTER (WHERE o.status = 'failed') AS failed,
				    count(*) FILTER (WHERE r.state IN ('skipped', 'cancelled') OR o.status = 'undeliverable') AS skipped,
				    count(*) FILTER (WHERE o.handed_at IS NOT NULL
				        AND (p.stopped_at > o.handed_at OR p.erased_at > o.handed_at)) AS opted_out_after,
				    count(*) FILTER (WHERE o.handed_at IS NOT NULL AND EXISTS (SELECT 1 FROM inbound_messages i
				        WHERE i.participant_id = r.participant_id AND i.received_at > o.handed_at)) AS replied,
				    count(*) FILTER (WHERE o.handed_at IS NOT NULL AND s.completed_at > o.handed_at) AS completed_after
				FROM campaign_recipients r
				JOIN participants p ON p.id = r.participant_id
				LEFT JOIN outbound_messages o ON o.id = r.outbound_message_id
				LEFT JOIN conversation_sessions s ON s.participant_id = r.participant_id
				WHERE r.campaign_id = ?""")
			.param(id)
			.query()
			.singleRow();
		Map<String, Long> failedReasons = reasons("""
				SELECT COALESCE(o.error_code, 'unknown'), count(*) FROM campaign_recipients r
				JOIN outbound_messages o ON o.id = r.outbound_message_id
				WHERE r.campaign_id = ? AND o.status = 'failed' GROUP BY 1""", id);
		Map<String, Long> skippedReasons = reasons("""
				SELECT COALESCE(r.reason, o.error_code, 'unknown'), count(*) FROM campaign_recipients r
				LEFT JOIN outbound_messages o ON o.id = r.outbound_message_id
				WHERE r.campaign_id = ? AND (r.state IN ('skipped', 'cancelled') OR o.status = 'undeliverable')
				GROUP BY 1""", id);
		long pending = number(row, "pending");
		boolean waiting = campaign.status() == CampaignStatus.RUNNING && pending > 0
				&& !hours(campaign.draft()).isOpen(clock.instant());
		if (waiting) {
			skippedReasons.put("quiet-hours-pending", pending);
		}
		return new CampaignResults(id, campaign.status(), number(row, "targeted"), pending, number(row, "queued"),
				number(row, "sent"), number(row, "delivered"), number(row, "failed"), failedReasons,
				number(row, "skipped"), skippedReasons, number(row, "opted_out_after"), number(row, "replied"),
				number(row, "completed_after"), waiting);
	}

	private Map<String, Long> reasons(String sql, long id) {
		Map<String, Long> reasons = new TreeMap<>();
		jdbc.sql(sql).param(id).query((rs, n) -> reasons.put(rs.getString(1), rs.getLong(2))).list();
		return reasons;
	}

	private static long number(Map<String, Object> row, String column) {
		Object value = row.get(column);
		return value == null ? 0 : ((Number) value).longValue();
	}

	SendingHours hours(CampaignDraft draft) {
		return new SendingHours(draft.sendFrom() == null ? properties.sendFrom() : draft.sendFrom(),
				draft.sendUntil() == null ? properties.sendUntil() : draft.sendUntil(), properties.zone());
	}
}
