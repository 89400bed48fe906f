package org.covenantvoices.resilience;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.covenantvoices.CovenantVoicesApplication;

/**
 * The service in a JVM of its own, so that it can be killed the hard way (SIGKILL: no shutdown hooks, no graceful
 * drain), as a crash or an out-of-memory killer would.
 */
final class ServiceProcess {

	private final Process process;

	final String baseUrl;

	private ServiceProcess(Process process, int port) {
		this.process = process;
		this.baseUrl = "http://127.0.0.1:" + port;
	}

	static ServiceProcess start(int port, List<String> properties, String logName) throws IOException {
		List<String> command = new ArrayList<>();
		command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
		command.add("-Xmx384m");
		command.add("-XX:TieredStopAtLevel=1");
		command.add("-cp");
		command.add(System.getProperty("java.class.path"));
		command.add(CovenantVoicesApplication.class.getName());
		command.add("--server.port=" + port);
		properties.forEach(p -> command.add("--" + p));
		Path log = Path.of("target", "fault-logs", logName + ".log");
		Files.createDirectories(log.getParent());
		Process process = new ProcessBuilder(command).redirectErrorStream(true)
			.redirectOutput(log.toFile())
			.directory(new File(System.getProperty("user.dir")))
			.start();
		ServiceProcess service = new ServiceProcess(process, port);
		service.awaitReady(Duration.ofMinutes(2), log);
		return service;
	}

	private void awaitReady(Duration atMost, Path log) throws IOException {
		HttpClient http = HttpClient.newHttpClient();
		long deadline = System.nanoTime() + atMost.toNanos();
		while (System.nanoTime() < deadline) {
			if (!process.isAlive()) {
				throw new IllegalStateException("The service stopped while starting; see " + log);
			}
			try {
				HttpResponse<Void> response = http.send(
						HttpRequest.newBuilder(URI.create(baseUrl + "/actuator/health")).build(),
						HttpResponse.BodyHandlers.discarding());
				if (response.statusCode() == 200) {
					return;
				}
			}
			catch (IOException e) {
				// not listening yet
			}
			catch (InterruptedException e) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException(e);
			}
			Texters.sleep(Duration.ofMillis(250));
		}
		process.destroyForcibly();
		throw new IllegalStateException("The service did not start in " + atMost + "; see " + log);
	}

	/** SIGKILL, as {@code kill -9}: the JVM gets no chance to finish anything. */
	void kill() throws InterruptedException {
		process.destroyForcibly();
		process.waitFor();
	}

	void stop() throws InterruptedException {
		process.destroy();
		if (!process.waitFor(20, java.util.concurrent.TimeUnit.SECONDS)) {
			kill();
		}
	}
}
