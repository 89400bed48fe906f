package org.covenantvoices.conversation.internal;

import java.time.Duration;
import java.util.Optional;

import org.covenantvoices.platform.RedisKeys;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.params.SetParams;
import tools.jackson.databind.json.JsonMapper;

/**
 * Sessions live in Redis for speed, with a durable copy in PostgreSQL written in the same transaction as the answer.
 * The copy's sequence number catches a Redis copy left stale by a crash, and it survives a Redis that lost its data.
 */
@Component
class SessionStore {

	private final UnifiedJedis redis;

	private final RedisKeys keys;

	private final JdbcClient jdbc;

	private final JsonMapper json = JsonMapper.builder().build();

	private final Duration expiry;

	SessionStore(UnifiedJedis redis, RedisKeys keys, JdbcClient jdbc, ConversationProperties properties) {
		this.redis = redis;
		this.keys = keys;
		this.jdbc = jdbc;
		// Keep the working copy a little longer than a session lives, so "welcome back" never misses it.
		this.expiry = properties.sessionExpiry().plusDays(1);
	}

	Optional<Session> load(String participantId) {
		String cached = redis.get(key(participantId));
		if (cached != null) {
			return Optional.of(json.readValue(cached, Session.class));
		}
		Optional<Session> durable = loadDurable(participantId);
		durable.ifPresent(s -> cache(participantId, s));
		return durable;
	}

	Optional<Session> loadDurable(String participantId) {
		return jdbc.sql("SELECT state::text FROM conversation_sessions WHERE participant_id = ?")
			.param(participantId)
			.query(String.class)
			.optional()
			.map(state -> json.readValue(state, Session.class));
	}

	/**
	 * Saves the durable copy if nobody else changed it since it was read.
	 * @return false where the stored copy is not the one this session followed on from
	 */
	boolean saveDurable(String participantId, Session session) {
		int updated = jdbc.sql("""
				INSERT INTO conversation_sessions AS cs (participant_id, seq, script_version, language, step, state,
				    started_at, last_activity_at, completed_at)
				VALUES (?, ?, ?, ?, ?, ?::jsonb, to_timestamp(?), to_timestamp(?), CASE WHEN ? THEN now() END)
				ON CONFLICT (participant_id) DO UPDATE SET seq = EXCLUDED.seq, script_version = EXCLUDED.script_version,
				    language = EXCLUDED.language, step = EXCLUDED.step, state = EXCLUDED.state,
				    started_at = EXCLUDED.started_at, last_activity_at = EXCLUDED.last_activity_at,
				    completed_at = CASE WHEN EXCLUDED.completed_at IS NULL THEN NULL
				                        ELSE coalesce(cs.completed_at, EXCLUDED.completed_at) END
				WHERE cs.seq = EXCLUDED.seq - 1
				""")
			.params(participantId, session.seq, session.version, session.language,
					session.step == null ? "" : session.step, json.writeValueAsString(session), session.started,
					session.lastSeen, session.finished)
			.update();
		return updated == 1;
	}

	void cache(String participantId, Session session) {
		redis.set(key(participantId), json.writeValueAsString(session), SetParams.setParams().px(expiry.toMillis()));
	}

	void evict(String participantId) {
		redis.del(key(participantId));
	}

	void deleteDurable(String participantId) {
		jdbc.sql("DELETE FROM conversation_sessions WHERE participant_id = ?").param(participantId).update();
	}

	private String key(String participantId) {
		return keys.participant(participantId, "s");
	}
}
