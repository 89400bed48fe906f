package org.covenantvoices.campaign.internal;

import java.sql.Time;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.covenantvoices.channel.SendingRates;
import org.covenantvoices.conversation.Outbox;
import org.covenantvoices.platform.Commits;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Feeds running campaigns into the outbox, on every instance at once. Each recipient row is claimed with
 * {@code FOR UPDATE SKIP LOCKED} and turned into one outbox message in the same transaction, so across instances and
 * restarts a recipient is queued exactly once; the outbox's sent-guard then hands it to the provider at most once.
 * Only a few seconds' worth of reminders wait in the outbox at any time, so quiet hours, pause and cancel take effect
 * at once, and the outbox's shared rate limit (weighted by segments, replies first) paces the sending.
 */
@Component
class CampaignDispatch implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(CampaignDispatch.class);

	private final JdbcClient jdbc;

	private final TransactionTemplate tx;

	private final Outbox outbox;

	private final CampaignProperties properties;

	private final SendingRates rates;

	private final MeterRegistry meters;

	private final JsonMapper json;

	private final Clock clock;

	CampaignDispatch(JdbcClient jdbc, TransactionTemplate tx, Outbox outbox, CampaignProperties properties,
			SendingRates rates, MeterRegistry meters, JsonMapper json, ObjectProvider<Clock> clock) {
		this.jdbc = jdbc;
		this.tx = tx;
		this.outbox = outbox;
		this.properties = properties;
		this.rates = rates;
		this.meters = meters;
		this.json = json;
		this.clock = clock.getIfAvailable(Clock::systemUTC);
	}

	private volatile Thread feeder;

	@Override
	public void start() {
		// A thread of its own: a long batch never holds up the application's other scheduled work.
		Thread thread = new Thread(this::run, "campaign-feeder");
		thread.setDaemon(true);
		feeder = thread;
		thread.start();
	}

	@Override
	public void stop() {
		Thread thread = feeder;
		feeder = null;
		if (thread != null) {
			thread.interrupt();
			try {
				thread.join(10_000);
			}
			catch (InterruptedException e) {
				Thread.currentThread().interrupt();
			}
		}
	}

	@Override
	public boolean isRunning() {
		return feeder != null;
	}

	private void run() {
		while (feeder == Thread.currentThread()) {
			try {
				feed();
			}
			catch (RuntimeException e) {
				// The database is down or busy: recipients stay pending, the next round tries again.
				if (feeder == Thread.currentThread()) {
					log.warn("Campaign sending paused: {}", e.toString());
				}
			}
			try {
				Thread.sleep(properties.tick().toMillis());
			}
			catch (InterruptedException e) {
				return;
			}
		}
	}

	/** One round over every running campaign. */
	void feed() {
		Instant now = clock.instant();
		// Spreading counts from the planned start, however late an instance noticed it.
		jdbc.sql("UPDATE campaigns SET status = 'running', started_at = COALESCE(started_at, start_at), "
				+ "updated_at = now() WHERE status = 'scheduled' AND start_at <= ?")
			.params(Timestamp.from(now))
			.update();
		List<Running> running = jdbc.sql("SELECT id, spread_seconds, started_at, send_from, send_until, targeted, "
				+ "messages::text FROM campaigns WHERE status = 'running' ORDER BY id")
			.query((rs, n) -> {
				Time from = rs.getTime("send_from");
				Time until = rs.getTime("send_until");
				return new Running(rs.getLong("id"), rs.getInt("spread_seconds"),
						rs.getTimestamp("started_at").toInstant(), from == null ? null : from.toLocalTime(),
						until == null ? null : until.toLocalTime(), rs.getInt("targeted"), rs.getString(7));
			})
			.list();
		for (Running campaign : running) {
			feed(campaign, now);
		}
	}

	private void feed(Running campaign, Instant now) {
		SendingHours hours = new SendingHours(campaign.from() == null ? properties.sendFrom() : campaign.from(),
				campaign.until() == null ? properties.sendUntil() : campaign.until(), properties.zone());
		if (!hours.isOpen(now)) {
			return; // quiet hours: carry on when the window opens
		}
		int allowed = Integer.MAX_VALUE;
		if (campaign.spreadSeconds() > 0) {
			// Spread evenly over open sending time: position k goes once k/targeted of the spread has passed.
			double share = hours.openBetween(campaign.startedAt(), now).toMillis()
					/ (campaign.spreadSeconds() * 1000.0);
			allowed = (int) Math.min(Integer.MAX_VALUE - 1, Math.floor(campaign.targeted() * share) + 1);
		}
		Map<String, String> messages = json.readValue(campaign.messages(), new TypeReference<Map<String, String>>() {
		});
		boolean claimedAny = false;
		for (String channel : AudienceQuery.SENDING_CHANNELS) {
			int room = room(channel);
			while (room > 0) {
				int claimed = claim(campaign.id(), channel, allowed, Math.min(room, properties.batch()), messages, now);
				if (claimed < 0) {
					return; // paused or cancelled meanwhile
				}
				claimedAny |= claimed > 0;
				if (claimed < Math.min(room, properties.batch())) {
					break;
				}
				room -= claimed;
			}
		}
		if (!claimedAny) {
			int finished = jdbc.sql("UPDATE campaigns SET status = 'finished', finished_at = now(), updated_at = now() "
					+ "WHERE id = ? AND status = 'running' AND NOT EXISTS (SELECT 1 FROM campaign_recipients r "
					+ "WHERE r.campaign_id = campaigns.id AND r.state = 'pending')")
				.param(campaign.id())
				.update();
			if (finished > 0) {
				log.info("Campaign {} has dealt with every recipient", campaign.id());
			}
		}
	}

	/** How many more reminders the channel's outbox queue may take now. */
	private int room(String channel) {
		double rate = rates.perSecond(channel);
		int target = (int) Math.max(20, Math.ceil(rate * properties.lookahead().toMillis() / 1000.0));
		return target - outbox.queuedReminders(channel);
	}

	/** @return how many recipients were dealt with, or -1 where the campaign no longer runs */
	private int claim(long campaignId, String channel, int allowed, int limit, Map<String, String> messages,
			Instant now) {
		Integer done = tx.execute(status -> {
			// Relaxed: lost in a database crash, the recipients are pending again and their reminders gone with them.
			Commits.relaxed(jdbc);
			// Held shared until commit: pause and cancel wait for this batch, and no batch starts after them.
			String state = jdbc.sql("SELECT status FROM campaigns WHERE id = ? FOR SHARE")
				.param(campaignId)
				.query(String.class)
				.single();
			if (!"running".equals(state)) {
				return -1;
			}
			List<Claimed> batch = jdbc.sql("""
					SELECT r.participant_id, r.language,
					    r.invited AND NOT EXISTS (SELECT 1 FROM outbound_messages o WHERE o.participant_id = r.participant_id)
					        AND NOT EXISTS (SELECT 1 FROM inbound_messages i WHERE i.participant_id = r.participant_id)
					        AS first_contact,
					    p.status,
					    (SELECT count(*) FROM campaign_recipients c WHERE c.participant_id = r.participant_id
					        AND c.state = 'queued' AND c.campaign_id <> r.campaign_id) AS reached,
					    (SELECT count(*) FROM campaign_recipients c WHERE c.participant_id = r.participant_id
					        AND c.state = 'queued' AND c.campaign_id <> r.campaign_id AND c.queued_at > ?) AS reached_lately,
					    (SELECT count(*) FROM contributions k WHERE k.participant_id = r.participant_id
					        AND k.superseded_at IS NULL AND k.question_id IN ('Q1', 'Q2', 'Q3', 'Q4', 'Q5', 'Q6')) AS answered
					FROM campaign_recipients r JOIN participants p ON p.id = r.participant_id
					WHERE r.campaign_id = ? AND r.state = 'pending' AND r.channel = ? AND r.position < ?
					ORDER BY r.position
					LIMIT ?
					FOR UPDATE OF r SKIP LOCKED""")
				.params(Timestamp.from(now.minus(properties.capInterval())), campaignId, channel, allowed, limit)
				.query((rs, n) -> new Claimed(rs.getString(1), rs.getString(2), rs.getBoolean(3), rs.getString(4),
						rs.getInt(5), rs.getInt(6), rs.getInt(7)))
				.list();
			Map<String, String> texts = new LinkedHashMap<>();
			for (Claimed recipient : batch) {
				// The last check, at the moment of sending: an opt-out or erasure since confirmation wins.
				String skip = !"active".equals(recipient.status()) ? recipient.status()
						: recipient.reachedLately() > 0 || recipient.reached() >= properties.capTotal() ? "cap" : null;
				if (skip != null) {
					jdbc.sql("UPDATE campaign_recipients SET state = 'skipped', reason = ? WHERE campaign_id = ? "
							+ "AND participant_id = ?")
						.params(skip, campaignId, recipient.participantId())
						.update();
					count(campaignId, "skipped", skip);
					continue;
				}
				String template = messages.getOrDefault(recipient.language(), messages.get("en"));
				String text = MessageTemplates.render(template, recipient.answered());
				// An invited number hears first who we are and how to stop.
				if (recipient.firstContact()) {
					text = MessageTemplates.withIntroduction(properties.introduction().get(recipient.language()), text);
				}
				texts.put(recipient.participantId(), text);
			}
			// One statement each for the whole batch: a large campaign spent most of its feeding in round trips.
			Map<String, Long> queued = outbox.queueReminders(channel, texts);
			List<String> ids = List.copyOf(queued.keySet());
			jdbc.sql("UPDATE campaign_recipients r SET state = 'queued', outbound_message_id = t.message_id, "
					+ "queued_at = ? FROM unnest(?::text[], ?::bigint[]) AS t(participant_id, message_id) "
					+ "WHERE r.campaign_id = ? AND r.participant_id = t.participant_id")
				.params(Timestamp.from(now), ids.toArray(String[]::new),
						ids.stream().map(queued::get).toArray(Long[]::new), campaignId)
				.update();
			if (!queued.isEmpty()) {
				counter(campaignId, "queued", "").increment(queued.size());
			}
			return batch.size();
		});
		return done == null ? 0 : done;
	}

	private void count(long campaignId, String outcome, String reason) {
		counter(campaignId, outcome, reason).increment();
	}

	private Counter counter(long campaignId, String outcome, String reason) {
		return Counter.builder("covenant.campaign.recipients")
			.description("Campaign recipients handed to the outbox (queued) or skipped, by reason")
			.tag("campaign", Long.toString(campaignId))
			.tag("outcome", outcome)
			.tag("reason", reason)
			.register(meters);
	}

	private record Running(long id, int spreadSeconds, Instant startedAt, LocalTime from, LocalTime until,
			int targeted, String messages) {
	}

	private record Claimed(String participantId, String language, boolean firstContact, String status, int reached,
			int reachedLately, int answered) {
	}
}
