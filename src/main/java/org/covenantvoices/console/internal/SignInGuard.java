package org.covenantvoices.console.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;

import org.covenantvoices.platform.RedisKeys;
import org.covenantvoices.platform.RedisScript;
import org.springframework.stereotype.Component;
import redis.clients.jedis.UnifiedJedis;

/**
 * Failed sign-in counters in Redis, so that every instance sees the same numbers: one per network address, and one per
 * user name that has no account (so a locked-looking answer says nothing about which names exist).
 */
@Component
class SignInGuard {

	/** Counts within a fixed window that starts with the first failure. */
	private static final RedisScript COUNT = new RedisScript("local n = redis.call('INCR', KEYS[1]) "
			+ "if n == 1 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end return n");

	private final UnifiedJedis redis;

	private final RedisKeys keys;

	private final ConsoleProperties.SignIn limits;

	SignInGuard(UnifiedJedis redis, RedisKeys keys, ConsoleProperties properties) {
		this.redis = redis;
		this.keys = keys;
		this.limits = properties.signIn();
	}

	ConsoleProperties.SignIn limits() {
		return limits;
	}

	boolean addressBlocked(String address) {
		return count(addressKey(address)) >= limits.maxFailuresPerAddress();
	}

	void failedFrom(String address) {
		increment(addressKey(address));
	}

	boolean unknownNameLocked(String username) {
		return count(nameKey(username)) >= limits.maxFailures();
	}

	/** @return the failures for this name in the current window */
	long failedForUnknownName(String username) {
		return increment(nameKey(username));
	}

	private long count(String key) {
		String value = redis.get(key);
		return value == null ? 0 : Long.parseLong(value);
	}

	private long increment(String key) {
		Object n = COUNT.run(redis, List.of(key), List.of(Long.toString(limits.window().toMillis())));
		return ((Number) n).longValue();
	}

	private String addressKey(String address) {
		return keys.global("console", "sign-in", "address", address);
	}

	/** A digest: the key should not keep whatever someone typed as a user name. */
	private String nameKey(String username) {
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256")
				.digest(username.toLowerCase(Locale.ROOT).getBytes(StandardCharsets.UTF_8));
			return keys.global("console", "sign-in", "name", HexFormat.of().formatHex(digest, 0, 16));
		}
		catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException(e);
		}
	}

	Duration window() {
		return limits.window();
	}
}
