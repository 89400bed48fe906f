package org.covenantvoices.console;

import java.util.Map;

import org.covenantvoices.support.Instance;
import org.covenantvoices.support.IntegrationTest;
import org.covenantvoices.support.WebSession;
import org.covenantvoices.support.WebSession.Page;
import org.junit.jupiter.api.Test;
import org.springframework.boot.web.server.context.WebServerApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/** Where SIMULATOR_ENABLED=false, the page says so, keeps nothing, and the dashboard shows it switched off. */
class SimulatorSwitchedOffTests extends IntegrationTest {

	@Test
	void aSwitchedOffSimulatorSaysSoAndKeepsNothing() {
		try (Instance off = Instance.start("covenant.simulator.enabled=false")) {
			String base = "http://localhost:" + ((WebServerApplicationContext) off.context).getWebServer().getPort();
			WebSession admin = WebSession.signedIn(base, "admin", ADMIN_PASSWORD);
			Page page = admin.get("/simulator");
			assertThat(page.text()).contains("The simulator is switched off on this service")
				.doesNotContain("Pretend phone");
			Page sent = admin.follow(admin.post("/simulator", Map.of("message", "Hi")));
			assertThat(sent.text()).contains("There is a problem", "The simulator is switched off here");
			assertThat(admin.get("/dashboard").text()).contains("Simulator Switched off",
					"Set SIMULATOR_ENABLED=true");
			assertThat(off.client.post("/api/simulator/messages", "application/json",
					"{\"from\": \"+447700900999\", \"text\": \"Hi\"}").status()).isEqualTo(404);
		}
	}
}
