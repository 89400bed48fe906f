package org.covenantvoices.console.internal;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputFilter;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;

import org.covenantvoices.platform.RedisKeys;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.session.MapSession;
import org.springframework.session.SessionRepository;
import org.springframework.session.UuidSessionIdGenerator;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.params.SetParams;

/**
 * Console sessions in Redis, one key each that expires with the session, so any instance serves any request and a
 * restart signs nobody out. A session that cannot be read (written by another version) counts as none.
 */
class RedisSessionRepository implements SessionRepository<MapSession> {

	private static final Logger log = LoggerFactory.getLogger(RedisSessionRepository.class);

	/** Sessions hold Spring Security's and the console's own serialisable types, nothing else. */
	private static final ObjectInputFilter ALLOWED = ObjectInputFilter.Config
		.createFilter("maxdepth=30;maxbytes=1048576;java.base/*;org.springframework.**;org.covenantvoices.**;!*");

	private final UnifiedJedis redis;

	private final RedisKeys keys;

	private final Duration timeout;

	/**
	 * @param timeout how long a new session lasts without a request. Signing in extends it (see SignInHandlers), so
	 * that the sessions anyone can create by opening the sign-in page do not pile up in Redis
	 */
	RedisSessionRepository(UnifiedJedis redis, RedisKeys keys, Duration timeout) {
		this.redis = redis;
		this.keys = keys;
		this.timeout = timeout;
	}

	@Override
	public MapSession createSession() {
		MapSession session = new MapSession();
		session.setMaxInactiveInterval(timeout);
		return session;
	}

	@Override
	public void save(MapSession session) {
		if (!session.getId().equals(session.getOriginalId())) {
			// A new id after signing in (session fixation protection): the old one must stop working.
			redis.del(key(session.getOriginalId()));
		}
		long ttl = session.getMaxInactiveInterval().toMillis();
		if (ttl <= 0) {
			redis.del(key(session.getId()));
			return;
		}
		redis.set(key(session.getId()), serialise(new MapSession(session)), SetParams.setParams().px(ttl));
	}

	@Override
	public MapSession findById(String id) {
		byte[] stored = redis.get(key(id));
		if (stored == null) {
			return null;
		}
		MapSession session;
		try {
			session = deserialise(stored);
		}
		catch (IOException | ClassNotFoundException | RuntimeException e) {
			log.info("Dropping a console session that cannot be read: {}", e.toString());
			redis.del(key(id));
			return null;
		}
		if (session.isExpired()) {
			redis.del(key(id));
			return null;
		}
		// Not serialised: needed to give the session a new id when someone signs in.
		session.setSessionIdGenerator(UuidSessionIdGenerator.getInstance());
		session.setLastAccessedTime(Instant.now());
		return session;
	}

	@Override
	public void deleteById(String id) {
		redis.del(key(id));
	}

	private byte[] key(String id) {
		return keys.global("console", "session", id).getBytes(StandardCharsets.UTF_8);
	}

	private static byte[] serialise(MapSession session) {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream(1024);
		try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
			out.writeObject(session);
		}
		catch (IOException e) {
			throw new IllegalStateException("A console session attribute cannot be kept in Redis: " + e, e);
		}
		return bytes.toByteArray();
	}

	private static MapSession deserialise(byte[] stored) throws IOException, ClassNotFoundException {
		try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(stored))) {
			in.setObjectInputFilter(ALLOWED);
			return (MapSession) in.readObject();
		}
	}
}
