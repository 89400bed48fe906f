package org.covenantvoices.console.internal;

import java.lang.management.ManagementFactory;

import org.covenantvoices.platform.Deployment;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** Tells someone who just ran the service where to find it, and how to sign in. */
@Component
class StartupBanner {

	private static final Logger log = LoggerFactory.getLogger(StartupBanner.class);

	private final FirstAdmin admin;

	private final Deployment deployment;

	private final String publicBaseUrl;

	StartupBanner(FirstAdmin admin, Deployment deployment, @Value("${covenant.public-base-url:}") String publicBaseUrl) {
		this.admin = admin;
		this.deployment = deployment;
		this.publicBaseUrl = publicBaseUrl;
	}

	@EventListener
	void ready(ApplicationReadyEvent event) {
		long uptime = ManagementFactory.getRuntimeMXBean().getUptime();
		int port = event.getApplicationContext() instanceof WebServerApplicationContext web
				&& web.getWebServer() != null ? web.getWebServer().getPort() : 8080;
		String base = publicBaseUrl != null && !publicBaseUrl.isBlank() ? publicBaseUrl : "http://localhost:" + port;
		StringBuilder text = new StringBuilder("\n\n  Covenant Voices is ready (").append(uptime)
			.append(" ms since the JVM started)\n");
		text.append("  Console:    ").append(base).append("/\n");
		if (deployment.localMode()) {
			text.append("  Simulator:  ").append(base).append("/simulator  (API: POST ").append(base)
				.append("/api/simulator/messages)\n");
			text.append("  Local data: ").append(deployment.dataDir()).append('\n');
		}
		String password = admin.takeGeneratedPassword();
		if (password != null) {
			text.append("  Sign in as ").append(admin.username()).append(" with the password ").append(password)
				.append("\n  (shown this once; set ADMIN_PASSWORD to choose your own)\n");
		}
		log.info(text.toString());
	}
}
