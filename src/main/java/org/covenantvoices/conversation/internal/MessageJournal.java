package org.covenantvoices.conversation.internal;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.covenantvoices.conversation.Conversations;
import org.covenantvoices.conversation.Reply;
import org.covenantvoices.conversation.ReplyOption;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/** The durable inbox and outbox. */
@Component
class MessageJournal {

	private static final JsonMapper json = JsonMapper.builder().build();

	private final JdbcClient jdbc;

	MessageJournal(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	static List<ReplyOption> options(String stored) {
		if (stored == null) {
			return List.of();
		}
		return List.of(json.readValue(stored, ReplyOption[].class));
	}

	/**
	 * @return the new message's id, or empty where this provider id was stored before. Call in a transaction: one
	 * person's messages are stored one at a time, so their ids follow the order in which they became visible and the
	 * engine never handles a later message before an earlier one that was still being written.
	 */
	Optional<Long> store(String channel, String providerMessageId, String participantId, String body,
			Instant receivedAt) {
		jdbc.sql("SELECT pg_advisory_xact_lock(hashtextextended(?, 7))").param(participantId).query().singleRow();
		return jdbc.sql("INSERT INTO inbound_messages (channel, provider_message_id, participant_id, body, received_at) "
				+ "VALUES (?, ?, ?, ?, ?) ON CONFLICT (channel, provider_message_id) DO NOTHING RETURNING id")
			.params(channel, providerMessageId, participantId, body, Timestamp.from(receivedAt))
			.query(Long.class)
			.optional();
	}

	Optional<Stored> find(String channel, String providerMessageId) {
		return jdbc.sql("SELECT id, participant_id FROM inbound_messages WHERE channel = ? AND provider_message_id = ?")
			.params(channel, providerMessageId)
			.query((rs, n) -> new Stored(rs.getLong(1), rs.getString(2)))
			.optional();
	}

	List<Pending> pending(String participantId, int limit) {
		return jdbc.sql("SELECT id, channel, body, received_at FROM inbound_messages "
				+ "WHERE participant_id = ? AND processed_at IS NULL ORDER BY id LIMIT ?")
			.params(participantId, limit)
			.query((rs, n) -> new Pending(rs.getLong("id"), participantId, rs.getString("channel"),
					rs.getString("body"), rs.getTimestamp("received_at").toInstant()))
			.list();
	}

	/** @return false where another worker processed it first */
	boolean markProcessed(long messageId) {
		return jdbc.sql("UPDATE inbound_messages SET processed_at = now(), attempts = attempts + 1 "
				+ "WHERE id = ? AND processed_at IS NULL")
			.param(messageId)
			.update() == 1;
	}

	/** A message that keeps failing stops blocking the person's later messages, but stays stored with the error. */
	void recordFailure(long messageId, String error, int giveUpAfter) {
		jdbc.sql("UPDATE inbound_messages SET attempts = attempts + 1, last_error = left(?, 500), "
				+ "processed_at = CASE WHEN attempts + 1 >= ? THEN now() END WHERE id = ? AND processed_at IS NULL")
			.params(error, giveUpAfter, messageId)
			.update();
	}

	boolean withdraw(long messageId) {
		return jdbc.sql("DELETE FROM inbound_messages WHERE id = ? AND processed_at IS NULL").param(messageId).update() == 1;
	}

	List<String> participantsWaiting(Duration olderThan, int limit) {
		return jdbc.sql("SELECT participant_id FROM inbound_messages WHERE processed_at IS NULL AND received_at < ? "
				+ "GROUP BY participant_id ORDER BY min(id) LIMIT ?")
			.params(Timestamp.from(Instant.now().minus(olderThan)), limit)
			.query(String.class)
			.list();
	}

	/** Looks only at the oldest few waiting messages (index inbound_messages_pending_age), however long the backlog. */
	List<Conversations.Waiting> backlog(int limit) {
		return jdbc.sql("SELECT participant_id, (array_agg(channel ORDER BY id))[1] FROM (SELECT participant_id, "
				+ "channel, id FROM inbound_messages WHERE processed_at IS NULL ORDER BY received_at LIMIT ?) oldest "
				+ "GROUP BY participant_id ORDER BY min(id) LIMIT ?")
			.params(limit * 4, limit)
			.query((rs, n) -> new Conversations.Waiting(rs.getString(1), rs.getString(2)))
			.list();
	}

	void queue(String participantId, String channel, long inReplyTo, List<Turn.Reply> replies) {
		for (Turn.Reply reply : replies) {
			jdbc.sql("INSERT INTO outbound_messages (participant_id, channel, in_reply_to, kind, body, options) "
					+ "VALUES (?, ?, ?, ?, ?, ?::jsonb)")
				.params(participantId, channel, inReplyTo, reply.notice() ? "notice" : "reply", reply.text(),
						reply.options().isEmpty() ? null : json.writeValueAsString(reply.options()))
				.update();
		}
	}

	/**
	 * Claims the replies for a channel that answers in the same request: this message's, and any queued earlier for
	 * the person (for example by the recovery sweep). Each reply is claimed once.
	 */
	List<Reply> claimReplies(String participantId, long messageId) {
		return jdbc.sql("UPDATE outbound_messages SET status = 'delivered', attempts = attempts + 1, updated_at = now() "
				+ "WHERE participant_id = ? AND status = 'queued' AND (in_reply_to IS NULL OR in_reply_to <= ?) "
				+ "RETURNING id, body, options::text")
			.params(participantId, messageId)
			.query((rs, n) -> new Reply(rs.getLong(1), rs.getString(2), options(rs.getString(3))))
			.list()
			.stream()
			.sorted((a, b) -> Long.compare(a.id(), b.id()))
			.toList();
	}

	boolean hasQueued(String participantId) {
		return jdbc.sql("SELECT EXISTS (SELECT 1 FROM outbound_messages WHERE participant_id = ? "
				+ "AND status IN ('queued', 'sending'))")
			.param(participantId)
			.query(Boolean.class)
			.single();
	}

	/** After the FORGET confirmation went out, nothing of the person's messages is left. */
	void deleteSent(String participantId) {
		jdbc.sql("DELETE FROM outbound_messages WHERE participant_id = ? AND status NOT IN ('queued', 'sending')")
			.param(participantId)
			.update();
	}

	/** FORGET: the person's messages go, except the FORGET confirmation itself, which is blanked. */
	void eraseMessages(String participantId, long keepMessageId) {
		jdbc.sql("DELETE FROM outbound_messages WHERE participant_id = ?").param(participantId).update();
		jdbc.sql("DELETE FROM inbound_messages WHERE participant_id = ? AND id <> ?")
			.params(participantId, keepMessageId)
			.update();
		jdbc.sql("UPDATE inbound_messages SET body = '' WHERE id = ?").param(keepMessageId).update();
	}

	/**
	 * Erasure: replies still queued are dropped, and the words of every message are blanked. The rows stay only as
	 * far as other rows point to them; FORGET deletes them once its confirmation is sent.
	 */
	void blankMessages(String participantId) {
		jdbc.sql("DELETE FROM outbound_messages WHERE participant_id = ?").param(participantId).update();
		jdbc.sql("UPDATE inbound_messages SET body = '' WHERE participant_id = ? AND body <> ''")
			.param(participantId)
			.update();
	}

	record Stored(long id, String participantId) {
	}

	record Pending(long id, String participantId, String channel, String body, Instant receivedAt) {
	}
}
