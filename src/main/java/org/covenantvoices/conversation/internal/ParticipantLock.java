package org.covenantvoices.conversation.internal;

import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.locks.LockSupport;

import org.covenantvoices.platform.RedisKeys;
import org.covenantvoices.platform.RedisScript;
import org.springframework.stereotype.Component;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.params.SetParams;

/**
 * One participant's messages are handled one at a time, across all instances. The lease only guards against a
 * crashed holder; the session's sequence number is what finally stops two writers.
 */
@Component
class ParticipantLock {

	private static final Duration LEASE = Duration.ofSeconds(30);

	private static final RedisScript RELEASE = new RedisScript("if redis.call('get', KEYS[1]) == ARGV[1] then "
			+ "return redis.call('del', KEYS[1]) else return 0 end");

	private final UnifiedJedis redis;

	private final RedisKeys keys;

	private final SecureRandom random = new SecureRandom();

	ParticipantLock(UnifiedJedis redis, RedisKeys keys) {
		this.redis = redis;
		this.keys = keys;
	}

	/** @return the token to release with, or empty if the lock was not free within the wait */
	Optional<String> acquire(String participantId, Duration wait) {
		byte[] bytes = new byte[12];
		random.nextBytes(bytes);
		String token = HexFormat.of().formatHex(bytes);
		String key = key(participantId);
		long deadline = System.nanoTime() + wait.toNanos();
		long pauseMicros = 200;
		while (true) {
			if ("OK".equals(redis.set(key, token, SetParams.setParams().nx().px(LEASE.toMillis())))) {
				return Optional.of(token);
			}
			if (System.nanoTime() > deadline) {
				return Optional.empty();
			}
			LockSupport.parkNanos(ThreadLocalRandom.current().nextLong(pauseMicros / 2, pauseMicros) * 1000);
			pauseMicros = Math.min(pauseMicros * 2, 20_000);
		}
	}

	void release(String participantId, String token) {
		RELEASE.run(redis, List.of(key(participantId)), List.of(token));
	}

	private String key(String participantId) {
		return keys.participant(participantId, "lock");
	}
}
