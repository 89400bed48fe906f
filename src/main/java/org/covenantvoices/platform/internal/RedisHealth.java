package org.covenantvoices.platform.internal;

import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.stereotype.Component;
import redis.clients.jedis.UnifiedJedis;

/** Redis holds every live session and lock: without it no message can be processed. */
@Component("redisHealthIndicator")
class RedisHealth extends AbstractHealthIndicator {

	private final UnifiedJedis redis;

	RedisHealth(UnifiedJedis redis) {
		super("Redis is not answering");
		this.redis = redis;
	}

	@Override
	protected void doHealthCheck(Health.Builder builder) {
		String pong = redis.ping();
		builder.status("PONG".equals(pong) ? "UP" : "DOWN");
	}
}
