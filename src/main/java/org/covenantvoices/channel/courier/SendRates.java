package org.covenantvoices.channel.courier;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

import org.covenantvoices.platform.RedisKeys;
import org.springframework.stereotype.Component;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.exceptions.JedisNoScriptException;

/**
 * Token buckets kept in Redis, so every instance draws from the same allowance. One Lua script per call: it reads
 * Redis's clock, so instances with drifting clocks still agree (a generic cell-rate algorithm: the key holds the
 * time at which the bucket is next empty).
 */
@Component
public class SendRates {

	private static final String TAKE = """
			local rate = tonumber(ARGV[1])
			local burst = tonumber(ARGV[2])
			local cost = tonumber(ARGV[3])
			local t = redis.call('TIME')
			local now = tonumber(t[1]) * 1000 + tonumber(t[2]) / 1000
			local interval = 1000 / rate
			local tat = tonumber(redis.call('GET', KEYS[1]) or now)
			if tat < now then tat = now end
			local next = tat + cost * interval
			local wait = next - burst * interval - now
			if wait > 0 then return math.ceil(wait) end
			redis.call('SET', KEYS[1], string.format('%.3f', next), 'PX', math.ceil(next - now) + 1000)
			return 0""";

	private static final String TAKE_SHA = sha1(TAKE);

	private final UnifiedJedis redis;

	private final RedisKeys keys;

	SendRates(UnifiedJedis redis, RedisKeys keys) {
		this.redis = redis;
		this.keys = keys;
	}

	/**
	 * Takes {@code cost} tokens if they are there.
	 *
	 * @param perSecond the steady rate
	 * @param burst how many tokens may be taken at once after a quiet spell
	 * @return 0 where taken, else the milliseconds until they would be (nothing is taken then)
	 */
	public long take(String name, double perSecond, int burst, int cost) {
		int capacity = Math.max(1, burst);
		List<String> key = List.of(keys.global("rate", "{" + name + "}"));
		List<String> args = List.of(Double.toString(perSecond), Integer.toString(capacity),
				Integer.toString(Math.min(Math.max(1, cost), capacity)));
		Object wait;
		try {
			// Every send and every inbound message asks: the script's hash spares sending its text each time.
			wait = redis.evalsha(TAKE_SHA, key, args);
		}
		catch (JedisNoScriptException e) {
			wait = redis.eval(TAKE, key, args); // a restarted Redis has forgotten it: this loads it again
		}
		return ((Number) wait).longValue();
	}

	private static String sha1(String script) {
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-1").digest(script.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException(e);
		}
	}
}
