package org.covenantvoices.conversation.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.covenantvoices.conversation.DeliveryStatus;
import org.covenantvoices.conversation.OutboundMessage;
import org.covenantvoices.conversation.Outbox;
import org.covenantvoices.participant.ParticipantStatus;
import org.covenantvoices.platform.Commits;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

@Component
class JdbcOutbox implements Outbox {

	private static final Logger log = LoggerFactory.getLogger(JdbcOutbox.class);

	private final JdbcClient jdbc;

	private final ConversationService conversations;

	private final TransactionTemplate tx;

	JdbcOutbox(JdbcClient jdbc, ConversationService conversations, TransactionTemplate tx) {
		this.jdbc = jdbc;
		this.conversations = conversations;
		this.tx = tx;
	}

	@Override
	public List<OutboundMessage> claim(String channel, int limit) {
		// A person's later message waits while an earlier one is queued (even for a retry later) or being sent.
		// The order is that of the index outbound_messages_claim_order (V51): keep the two the same.
		// Relaxed: a claim lost in a database crash only puts the messages back in the queue.
		List<OutboundMessage> claimed = Commits.relaxed(tx, jdbc, () -> jdbc.sql("""
				WITH next AS (
				    SELECT o.id FROM outbound_messages o
				    WHERE o.channel = ? AND o.status = 'queued' AND o.next_attempt_at <= now()
				      AND NOT EXISTS (SELECT 1 FROM outbound_messages e WHERE e.participant_id = o.participant_id
				          AND e.channel = o.channel AND e.status IN ('queued', 'sending') AND e.id < o.id)
				    ORDER BY CASE o.kind WHEN 'reminder' THEN 1 ELSE 0 END, o.id
				    LIMIT ?
				    FOR UPDATE OF o SKIP LOCKED)
				UPDATE outbound_messages m SET status = 'sending', updated_at = now()
				FROM next, participants p
				WHERE m.id = next.id AND p.id = m.participant_id
				RETURNING m.id, m.participant_id, m.channel, m.kind, m.body, m.options::text AS options, m.attempts,
				    p.status AS participant_status,
				    (SELECT max(i.received_at) FROM inbound_messages i
				     WHERE i.participant_id = m.participant_id AND i.channel = m.channel) AS last_inbound_at""")
			.params(channel, limit)
			.query(JdbcOutbox::map)
			.list());
		return claimed.stream().sorted((a, b) -> Long.compare(a.id(), b.id())).toList();
	}

	@Override
	public Map<String, Long> queueReminders(String channel, Map<String, String> texts) {
		Map<String, Long> ids = new HashMap<>();
		if (texts.isEmpty()) {
			return ids;
		}
		List<Map.Entry<String, String>> entries = List.copyOf(texts.entrySet());
		jdbc.sql("INSERT INTO outbound_messages (participant_id, channel, kind, body) "
				+ "SELECT t.participant_id, ?, 'reminder', t.body FROM unnest(?::text[], ?::text[]) "
				+ "WITH ORDINALITY AS t(participant_id, body, n) ORDER BY t.n RETURNING id, participant_id")
			.params(channel, entries.stream().map(Map.Entry::getKey).toArray(String[]::new),
					entries.stream().map(Map.Entry::getValue).toArray(String[]::new))
			.query(rs -> {
				ids.put(rs.getString(2), rs.getLong(1));
			});
		return ids;
	}

	@Override
	public int queuedReminders(String channel) {
		return jdbc.sql("SELECT count(*) FROM outbound_messages WHERE channel = ? AND status = 'queued' "
				+ "AND kind = 'reminder'")
			.param(channel)
			.query(Integer.class)
			.single();
	}

	@Override
	public List<Long> withdrawReminders(Collection<Long> messageIds, String errorCode, String reason) {
		if (messageIds.isEmpty()) {
			return List.of();
		}
		return jdbc.sql("UPDATE outbound_messages SET status = 'undeliverable', error_code = ?, last_error = ?, "
				+ "updated_at = now() WHERE id = ANY (?) AND status = 'queued' AND kind = 'reminder' RETURNING id")
			.params(errorCode, reason, messageIds.toArray(Long[]::new))
			.query(Long.class)
			.list();
	}

	private static OutboundMessage map(ResultSet rs, int row) throws SQLException {
		Timestamp lastInbound = rs.getTimestamp("last_inbound_at");
		return new OutboundMessage(rs.getLong("id"), rs.getString("participant_id"), rs.getString("channel"),
				rs.getString("kind"), rs.getString("body"), MessageJournal.options(rs.getString("options")),
				rs.getInt("attempts"), ParticipantStatus.fromDb(rs.getString("participant_status")),
				lastInbound == null ? null : lastInbound.toInstant());
	}

	@Override
	public boolean hand(OutboundMessage message) {
		// Waits for the disk (and so makes every earlier relaxed commit durable too): after a database crash a
		// message that may have reached the provider must still be marked so, or it would be sent twice.
		return jdbc.sql("UPDATE outbound_messages SET handed_at = now(), attempts = attempts + 1, updated_at = now() "
				+ "WHERE id = ? AND status = 'sending' AND handed_at IS NULL")
			.param(message.id())
			.update() == 1;
	}

	@Override
	public void unhand(OutboundMessage message, Instant notBefore) {
		// Relaxed: lost in a database crash, the message stays handed and becomes outcome-unknown, never sent twice.
		Commits.relaxed(tx, jdbc, () -> jdbc.sql("UPDATE outbound_messages SET status = 'queued', handed_at = NULL, "
				+ "attempts = greatest(attempts - 1, 0), next_attempt_at = ?, updated_at = now() "
				+ "WHERE id = ? AND status = 'sending' AND handed_at IS NOT NULL")
			.params(Timestamp.from(notBefore), message.id())
			.update());
	}

	@Override
	public void sent(Collection<Sent> messages) {
		if (messages.isEmpty()) {
			return;
		}
		List<Sent> all = List.copyOf(messages);
		// Relaxed, as above; one statement for a worker's whole batch rather than one commit per message.
		Commits.relaxed(tx, jdbc, () -> jdbc.sql("""
				UPDATE outbound_messages m SET status = 'sent', provider_message_id = t.provider_message_id,
				    segments = t.segments, error_code = NULL, last_error = NULL, updated_at = now()
				FROM unnest(?::bigint[], ?::text[], ?::int[]) AS t(id, provider_message_id, segments)
				WHERE m.id = t.id AND m.status = 'sending'""")
			.params(all.stream().map(sent -> sent.message().id()).toArray(Long[]::new),
					all.stream().map(Sent::providerMessageId).toArray(String[]::new),
					all.stream().map(Sent::segments).toArray(Integer[]::new))
			.update());
		all.forEach(sent -> finished(sent.message()));
	}

	@Override
	public void retry(OutboundMessage message, String errorCode, String reason, Instant notBefore) {
		Commits.relaxed(tx, jdbc, () -> jdbc.sql("UPDATE outbound_messages SET status = 'queued', handed_at = NULL, "
				+ "error_code = ?, last_error = left(?, 500), next_attempt_at = ?, updated_at = now() "
				+ "WHERE id = ? AND status = 'sending'")
			.params(errorCode, reason, Timestamp.from(notBefore), message.id())
			.update());
	}

	@Override
	public void release(OutboundMessage message, Instant notBefore) {
		Commits.relaxed(tx, jdbc, () -> jdbc.sql("UPDATE outbound_messages SET status = 'queued', next_attempt_at = ?, "
				+ "updated_at = now() WHERE id = ? AND status = 'sending' AND handed_at IS NULL")
			.params(Timestamp.from(notBefore), message.id())
			.update());
	}

	@Override
	public void failed(OutboundMessage message, String errorCode, String reason) {
		end(message, "failed", errorCode, reason);
	}

	@Override
	public void skipped(OutboundMessage message, String errorCode, String reason) {
		end(message, "undeliverable", errorCode, reason);
	}

	private void end(OutboundMessage message, String status, String errorCode, String reason) {
		Commits.relaxed(tx, jdbc, () -> jdbc.sql("UPDATE outbound_messages SET status = ?, error_code = ?, "
				+ "last_error = left(?, 500), updated_at = now() WHERE id = ? AND status = 'sending'")
			.params(status, errorCode, reason, message.id())
			.update());
		finished(message);
	}

	/** The FORGET confirmation was the last thing to send: complete the erasure. */
	private void finished(OutboundMessage message) {
		if (message.recipientStatus() == ParticipantStatus.ERASED) {
			try {
				conversations.completeErasureIfDone(message.participantId());
			}
			catch (RuntimeException e) {
				log.warn("Could not complete an erasure yet; the next send or sweep will: {}", e.toString());
			}
		}
	}

	@Override
	public Optional<String> reportDelivery(Collection<String> channels, String providerMessageId,
			DeliveryStatus status, String errorCode) {
		String channelList = String.join(",", channels);
		Optional<String> participant = jdbc.sql("""
				UPDATE outbound_messages SET status = ?, error_code = COALESCE(?, error_code), updated_at = now()
				WHERE provider_message_id = ? AND channel = ANY (string_to_array(?, ','))
				  AND (CASE status WHEN 'sent' THEN 2 WHEN 'delivered' THEN 3 WHEN 'undeliverable' THEN 3
				       WHEN 'failed' THEN 3 WHEN 'read' THEN 4 ELSE 1 END) < ?
				RETURNING participant_id""")
			.params(status.dbValue(), errorCode, providerMessageId, channelList, status.rank())
			.query(String.class)
			.optional();
		if (participant.isPresent()) {
			return participant;
		}
		return jdbc.sql("SELECT participant_id FROM outbound_messages WHERE provider_message_id = ? "
				+ "AND channel = ANY (string_to_array(?, ',')) LIMIT 1")
			.params(providerMessageId, channelList)
			.query(String.class)
			.optional();
	}

	@Override
	public int recoverAbandoned(Duration lease) {
		Timestamp before = Timestamp.from(Instant.now().minus(lease));
		int requeued = jdbc.sql("UPDATE outbound_messages SET status = 'queued', updated_at = now() "
				+ "WHERE status = 'sending' AND handed_at IS NULL AND updated_at < ?")
			.param(before)
			.update();
		List<String> unknown = jdbc.sql("UPDATE outbound_messages SET status = 'failed', error_code = 'outcome-unknown', "
				+ "last_error = 'handed to the provider, but no answer was recorded; not handed again', updated_at = now() "
				+ "WHERE status = 'sending' AND handed_at IS NOT NULL AND updated_at < ? RETURNING participant_id")
			.param(before)
			.query(String.class)
			.list();
		if (!unknown.isEmpty()) {
			log.warn("{} message(s) were handed to a provider by an instance that stopped before recording the answer; "
					+ "they are not sent again", unknown.size());
			unknown.stream().distinct().forEach(id -> {
				try {
					conversations.completeErasureIfDone(id);
				}
				catch (RuntimeException e) {
					log.debug("Erasure not completed yet: {}", e.toString());
				}
			});
		}
		return requeued + unknown.size();
	}
}
