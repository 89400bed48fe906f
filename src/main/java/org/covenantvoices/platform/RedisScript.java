package org.covenantvoices.platform;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.exceptions.JedisNoScriptException;

/**
 * A Lua script run by its hash (EVALSHA), so the hot paths that run one on every message (send rates, the participant
 * lock, sign-in counts) do not send its text each time. A Redis that restarted has forgotten it: the text is sent then,
 * which loads it again.
 */
public final class RedisScript {

	private final String text;

	private final String sha;

	public RedisScript(String text) {
		this.text = text;
		try {
			this.sha = HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-1").digest(text.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException(e);
		}
	}

	public Object run(UnifiedJedis redis, List<String> keys, List<String> args) {
		try {
			return redis.evalsha(sha, keys, args);
		}
		catch (JedisNoScriptException e) {
			return redis.eval(text, keys, args);
		}
	}
}
