package org.covenantvoices.console;

import java.time.Instant;
import java.util.Map;

import org.covenantvoices.support.Client;
import org.covenantvoices.support.Instance;
import org.covenantvoices.support.IntegrationTest;
import org.covenantvoices.support.TestServers;
import org.covenantvoices.support.WebSession;
import org.covenantvoices.support.WebSession.Page;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.crypto.password.PasswordEncoder;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Signing in and out with the GOV.UK form: errors in the error summary, a lock after repeated wrong passwords that
 * looks the same for names that do not exist, and a limit per network address that every instance enforces.
 */
class SignInTests extends IntegrationTest {

	@Autowired
	PasswordEncoder encoder;

	@Test
	void signingInLeadsToThePageAskedForAndSigningOutEndsTheSession() {
		String name = ConsoleUsersFixture.user(jdbc, encoder, "sign-in-organiser", Role.ORGANISER);
		WebSession web = new WebSession(base());
		Page asked = web.get("/record?question=Q2");
		assertThat(asked.status()).isEqualTo(303);
		assertThat(asked.location()).endsWith("/sign-in");
		Page signedIn = web.signIn(name.toUpperCase(), ConsoleUsersFixture.PASSWORD);
		assertThat(signedIn.status()).as("user names match in any case").isEqualTo(303);
		assertThat(signedIn.location()).contains("/record?question=Q2");
		assertThat(web.get("/dashboard").text()).contains("Dashboard", "Sign out", "Simulator")
			.doesNotContain("Users");

		Page signedOut = web.post("/sign-out", Map.of());
		assertThat(signedOut.status()).isEqualTo(303);
		assertThat(signedOut.location()).endsWith("/sign-in?signed-out");
		assertThat(web.follow(signedOut).text()).contains("You have signed out.");
		assertThat(web.get("/dashboard").status()).isEqualTo(303);
		assertThat(jdbc.sql("SELECT last_sign_in_at FROM console_users WHERE username = ?").param(name)
			.query(Instant.class).single()).isNotNull();
	}

	@Test
	void aWrongPasswordIsExplainedInTheErrorSummary() {
		ConsoleUsersFixture.user(jdbc, encoder, "sign-in-wrong", Role.ANALYST);
		WebSession web = new WebSession(base());
		Page failed = web.signIn("sign-in-wrong", "not-the-password");
		assertThat(failed.location()).endsWith("/sign-in?error");
		Page form = web.follow(failed);
		assertThat(form.body()).contains("<title>Error: Sign in - Covenant Voices</title>", "govuk-error-summary",
				"href=\"#username\"", "value=\"sign-in-wrong\"");
		assertThat(form.text()).contains("There is a problem", "Enter a user name and password that match a console user");

		Page empty = web.follow(web.signIn("", ""));
		assertThat(empty.text()).contains("Enter your user name", "Enter your password");
		assertThat(empty.body()).contains("href=\"#password\"", "govuk-input--error");
	}

	@Test
	void fiveWrongPasswordsLockTheAccountUntilAnAdministratorResetsIt() {
		ConsoleUsersFixture.user(jdbc, encoder, "sign-in-locked", Role.ANALYST);
		WebSession web = new WebSession(base());
		for (int i = 1; i <= 4; i++) {
			assertThat(web.follow(web.signIn("sign-in-locked", "guess-" + i)).text())
				.contains("Enter a user name and password that match");
		}
		assertThat(web.follow(web.signIn("sign-in-locked", "guess-5")).text())
			.contains("You have entered a wrong password too many times. Try again in 15 minutes");
		Page right = web.signIn("sign-in-locked", ConsoleUsersFixture.PASSWORD);
		assertThat(right.location()).as("the right password does not open a locked account").endsWith("?error");
		assertThat(web.follow(right).text()).contains("too many times");
		assertThat(client.get("/api/contributions", "sign-in-locked", ConsoleUsersFixture.PASSWORD).status())
			.as("nor does HTTP Basic").isEqualTo(401);
		assertThat(jdbc.sql("SELECT locked_until > now() FROM console_users WHERE username = 'sign-in-locked'")
			.query(Boolean.class).single()).isTrue();

		WebSession admin = WebSession.signedIn(base(), "admin", ADMIN_PASSWORD);
		admin.get("/users/sign-in-locked");
		Page reset = admin.post("/users/sign-in-locked/password", Map.of("password", "a-brand-new-password"));
		assertThat(admin.follow(reset).text()).contains("has been reset and the account unlocked");
		assertThat(new WebSession(base()).signIn("sign-in-locked", "a-brand-new-password").location())
			.endsWith("/dashboard");
	}

	@Test
	void unknownUserNamesLockTheSameWaySoTheAnswerRevealsNothing() {
		WebSession web = new WebSession(base());
		for (int i = 1; i <= 4; i++) {
			assertThat(web.follow(web.signIn("nobody-by-this-name", "guess-" + i)).text())
				.contains("Enter a user name and password that match");
		}
		assertThat(web.follow(web.signIn("nobody-by-this-name", "guess-5")).text()).contains("too many times");
		assertThat(web.follow(web.signIn("nobody-by-this-name", "guess-6")).text()).contains("too many times");
	}

	@Test
	void aTurnedOffAccountCannotSignInAndIsToldNoMoreThanAWrongPassword() {
		ConsoleUsersFixture.user(jdbc, encoder, "sign-in-off", Role.ANALYST);
		jdbc.sql("UPDATE console_users SET enabled = false WHERE username = 'sign-in-off'").update();
		WebSession web = new WebSession(base());
		assertThat(web.follow(web.signIn("sign-in-off", ConsoleUsersFixture.PASSWORD)).text())
			.contains("Enter a user name and password that match");
	}

	/**
	 * Two more instances with a small limit and a Redis namespace of their own: failures on one refuse sign-ins on the
	 * other, for the form and for HTTP Basic alike.
	 */
	@Test
	void failedSignInsFromOneAddressAreLimitedAcrossInstances() {
		String[] settings = { "covenant.redis.namespace=" + TestServers.get().namespace + ":limits",
				"covenant.console.sign-in.max-failures-per-address=3", "covenant.console.sign-in.max-failures=50" };
		try (Instance first = Instance.start(settings); Instance second = Instance.start(settings)) {
			String firstBase = "http://localhost:" + port(first);
			String secondBase = "http://localhost:" + port(second);
			WebSession web = new WebSession(firstBase);
			for (int i = 0; i < 3; i++) {
				web.signIn("someone-" + i, "wrong");
			}
			WebSession elsewhere = new WebSession(secondBase);
			Page refused = elsewhere.signIn("admin", ADMIN_PASSWORD);
			assertThat(refused.location()).as("even the right password waits").endsWith("/sign-in?error");
			assertThat(elsewhere.follow(refused).text())
				.contains("There have been too many failed sign-ins from your network. Try again in 15 minutes");
			Client.Response api = second.client.asAdmin("/api/contributions");
			assertThat(api.status()).isEqualTo(429);
			assertThat(api.json().get("error").asString()).contains("Too many failed sign-ins");
		}
		assertThat(client.asAdmin("/api/contributions").status()).as("other instances' limits are their own")
			.isEqualTo(200);
	}

	private static int port(Instance instance) {
		return ((org.springframework.boot.web.server.context.WebServerApplicationContext) instance.context)
			.getWebServer()
			.getPort();
	}

	private String base() {
		return "http://localhost:" + port;
	}
}
