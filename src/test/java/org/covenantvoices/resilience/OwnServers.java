package org.covenantvoices.resilience;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.covenantvoices.support.ChannelTest;
import org.covenantvoices.support.IntegrationTest;
import redis.embedded.RedisServer;

/**
 * A PostgreSQL and a Redis of a fault test's own, from the Maven-packaged binaries, on free ports: they may be stopped
 * and started mid-test without touching the servers other tests (and other people) use.
 */
final class OwnServers implements AutoCloseable {

	private final Path pgData;

	final int pgPort;

	final int redisPort;

	private EmbeddedPostgres postgres;

	private RedisServer redis;

	OwnServers() throws IOException {
		this.pgData = Files.createTempDirectory("cv-fault-pg");
		this.pgPort = freePort();
		this.redisPort = freePort();
		startPostgres();
		try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
			s.execute("CREATE DATABASE covenant");
		}
		catch (java.sql.SQLException e) {
			throw new IOException(e);
		}
		startRedis();
	}

	void startPostgres() throws IOException {
		postgres = EmbeddedPostgres.builder()
			.setDataDirectory(pgData)
			.setCleanDataDirectory(false)
			.setPort(pgPort)
			.start();
	}

	void stopPostgres() throws IOException {
		postgres.close();
	}

	void startRedis() throws IOException {
		redis = RedisServer.newRedisServer().port(redisPort).bind("127.0.0.1").setting("save \"\"").build();
		redis.start();
	}

	void stopRedis() throws IOException {
		redis.stop();
	}

	String jdbcUrl() {
		return "jdbc:postgresql://127.0.0.1:" + pgPort + "/covenant";
	}

	String redisUrl() {
		return "redis://127.0.0.1:" + redisPort;
	}

	/** Settings for a service instance on these servers, with the channels pointed at {@code providerBaseUrl}. */
	List<String> serviceProperties(String providerBaseUrl, String... more) {
		List<String> p = new ArrayList<>();
		IntegrationTest.properties().forEach((k, v) -> p.add(k + "=" + v));
		ChannelTest.channelProperties().forEach((k, v) -> p.add(k + "=" + v));
		p.add("covenant.database.url=" + jdbcUrl());
		p.add("covenant.database.username=postgres");
		p.add("covenant.database.password=");
		p.add("covenant.redis.url=" + redisUrl());
		p.add("covenant.redis.namespace=cvfault" + UUID.randomUUID().toString().substring(0, 8));
		p.add("covenant.twilio.api-base-url=" + providerBaseUrl);
		p.add("covenant.telegram.api-base-url=" + providerBaseUrl);
		p.add("covenant.channels.rates.sms=500");
		p.add("covenant.conversation.recovery-interval=1s");
		p.add("covenant.channels.outbox.lease=5s");
		p.add("covenant.channels.inbound.per-address-per-minute=600");
		p.add("covenant.channels.inbound.per-address-burst=100");
		p.addAll(List.of(more));
		// One value per name, the last one winning: Spring joins repeated command-line arguments with commas.
		java.util.Map<String, String> unique = new java.util.LinkedHashMap<>();
		for (String property : p) {
			int eq = property.indexOf('=');
			unique.remove(property.substring(0, eq));
			unique.put(property.substring(0, eq), property.substring(eq + 1));
		}
		List<String> result = new ArrayList<>();
		unique.forEach((k, v) -> result.add(k + "=" + v));
		return result;
	}

	@Override
	public void close() {
		try {
			if (redis != null) {
				redis.stop();
			}
		}
		catch (IOException | RuntimeException e) {
			// best effort
		}
		try {
			if (postgres != null) {
				postgres.close();
			}
		}
		catch (IOException | RuntimeException e) {
			// best effort
		}
		try (var files = Files.walk(pgData)) {
			files.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
		}
		catch (IOException e) {
			// a temporary directory
		}
	}

	static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}
}
