package org.covenantvoices.channel.courier;

import java.util.List;

import org.covenantvoices.platform.RedisKeys;
import org.covenantvoices.platform.RedisScript;
import org.springframework.stereotype.Component;
import redis.clients.jedis.UnifiedJedis;

/**
 * Token buckets kept in Redis, so every instance draws from the same allowance. One Lua script per call: it reads
 * Redis's clock, so instances with drifting clocks still agree (a generic cell-rate algorithm: the key holds the
 * time at which the bucket is next empty).
 */
@Component
public class SendRates {

	private static final RedisScript TAKE = new RedisScript("""
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
			return 0""");

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
		return ((Number) TAKE.run(redis, key, args)).longValue();
	}
}
