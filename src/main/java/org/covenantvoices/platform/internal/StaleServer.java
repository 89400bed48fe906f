package org.covenantvoices.platform.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * After a hard kill of the JVM, an embedded server it started keeps running and holds its data directory.
 * Stop that orphan before starting a new one on the same data.
 */
final class StaleServer {

	private static final Logger log = LoggerFactory.getLogger(StaleServer.class);

	private StaleServer() {
	}

	static void stopIfRunning(Path pidFile, String commandHint) {
		if (!Files.isRegularFile(pidFile)) {
			return;
		}
		try {
			String first = Files.readAllLines(pidFile).stream().findFirst().orElse("").trim();
			if (first.isEmpty()) {
				return;
			}
			long pid = Long.parseLong(first);
			ProcessHandle.of(pid)
				.filter(ProcessHandle::isAlive)
				.filter(p -> p.info().command().map(c -> c.contains(commandHint)).orElse(false))
				.ifPresent(p -> {
					log.warn("Stopping a {} (pid {}) left running by an earlier run", commandHint, pid);
					p.destroy();
					try {
						p.onExit().get(Duration.ofSeconds(20).toMillis(), TimeUnit.MILLISECONDS);
					}
					catch (Exception e) {
						p.destroyForcibly();
					}
				});
		}
		catch (IOException | NumberFormatException e) {
			log.debug("Ignoring unreadable pid file {}", pidFile, e);
		}
	}
}
