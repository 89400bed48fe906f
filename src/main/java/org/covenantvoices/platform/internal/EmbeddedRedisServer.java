package org.covenantvoices.platform.internal;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;

import redis.embedded.RedisServer;

/**
 * A real Redis server from a Maven-packaged binary. It keeps an append-only file under the data directory, so
 * sessions survive a restart of the local service just as they would with a managed Redis.
 */
final class EmbeddedRedisServer implements AutoCloseable {

	private final RedisServer server;

	private final int port;

	private EmbeddedRedisServer(RedisServer server, int port) {
		this.server = server;
		this.port = port;
	}

	static EmbeddedRedisServer start(Path dataDir) {
		Path dir = dataDir.resolve("redis").toAbsolutePath();
		try {
			Files.createDirectories(dir);
			Path pidFile = dir.resolve("redis.pid");
			StaleServer.stopIfRunning(pidFile, "redis");
			int port = freePort();
			RedisServer server = RedisServer.newRedisServer()
				.port(port)
				.bind("127.0.0.1")
				.setting("dir " + dir)
				.setting("pidfile " + pidFile)
				.setting("appendonly yes")
				.setting("appendfsync everysec")
				.setting("save \"\"")
				.setting("protected-mode yes")
				.build();
			server.start();
			return new EmbeddedRedisServer(server, port);
		}
		catch (IOException e) {
			throw new IllegalStateException("Could not start the embedded Redis in " + dir + ": " + e.getMessage(), e);
		}
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

	String url() {
		return "redis://127.0.0.1:" + port;
	}

	@Override
	public void close() throws IOException {
		server.stop();
	}
}
