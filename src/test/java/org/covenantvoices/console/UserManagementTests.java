package org.covenantvoices.console;

import java.util.Map;

import org.covenantvoices.support.IntegrationTest;
import org.covenantvoices.support.WebSession;
import org.covenantvoices.support.WebSession.Page;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.crypto.password.PasswordEncoder;

import static org.assertj.core.api.Assertions.assertThat;

/** Administrators add users with a role, turn them off and on, and reset passwords; each change bites at once. */
class UserManagementTests extends IntegrationTest {

	@Autowired
	PasswordEncoder encoder;

	private WebSession admin;

	@BeforeEach
	void signIn() {
		admin = WebSession.signedIn("http://localhost:" + port, "admin", ADMIN_PASSWORD);
	}

	@Test
	void anAdministratorAddsAnAnalystWhoCanSignInWithThatRoleOnly() {
		jdbc.sql("DELETE FROM console_users WHERE username = 'new.analyst@example.org'").update();
		admin.get("/users/new");
		Page added = admin.post("/users", Map.of("username", " New.Analyst@example.org ", "role", "ANALYST",
				"password", "three random words"));
		assertThat(added.status()).isEqualTo(302);
		Page list = admin.follow(added);
		assertThat(list.text()).contains("new.analyst@example.org has been added", "Analyst");
		assertThat(jdbc.sql("SELECT password_hash FROM console_users WHERE username = 'new.analyst@example.org'")
			.query(String.class).single()).as("stored as a hash").startsWith("{bcrypt}");
		assertThat(jdbc.sql("SELECT created_by FROM console_users WHERE username = 'new.analyst@example.org'")
			.query(String.class).single()).isEqualTo("admin");

		WebSession analyst = WebSession.signedIn("http://localhost:" + port, "new.analyst@example.org",
				"three random words");
		assertThat(analyst.get("/record").status()).isEqualTo(200);
		assertThat(analyst.get("/simulator").status()).isEqualTo(403);
		assertThat(analyst.get("/users").status()).isEqualTo(403);
	}

	@Test
	void aFormWithMistakesComesBackWithEveryErrorInTheSummary() {
		admin.get("/users/new");
		Page empty = admin.post("/users", Map.of());
		assertThat(empty.status()).isEqualTo(200);
		assertThat(empty.body()).contains("<title>Error: Add a user - Covenant Voices</title>", "href=\"#username\"",
				"href=\"#role\"", "href=\"#password\"");
		assertThat(empty.text()).contains("Enter a user name", "Select a role", "Enter a password");

		Page bad = admin.post("/users", Map.of("username", "a b", "role", "ANALYST", "password", "short"));
		assertThat(bad.text()).contains("User name must be 2 to 64 letters", "Password must be 12 characters or more");
		assertThat(bad.body()).as("the role chosen stays chosen").containsPattern("value=\"ANALYST\"[^>]*checked");

		Page same = admin.post("/users", Map.of("username", "ADMIN", "role", "ANALYST", "password",
				"long enough password"));
		assertThat(same.text()).contains("There is already a user called admin");
		Page containsName = admin.post("/users", Map.of("username", "dora", "role", "ANALYST", "password",
				"dora-is-my-password"));
		assertThat(containsName.text()).contains("Password must not contain the user name");
	}

	@Test
	void turningAUserOffSignsThemOutAtOnceAndTurningThemOnLetsThemBackIn() {
		ConsoleUsersFixture.user(jdbc, encoder, "users-off", Role.ORGANISER);
		WebSession organiser = WebSession.signedIn("http://localhost:" + port, "users-off",
				ConsoleUsersFixture.PASSWORD);
		assertThat(organiser.get("/simulator").status()).isEqualTo(200);

		admin.get("/users/users-off");
		Page off = admin.post("/users/users-off/disable", Map.of());
		assertThat(admin.follow(off).text()).contains("users-off has been turned off and signed out",
				"Turned off: cannot sign in");

		Page ended = organiser.get("/simulator");
		assertThat(ended.status()).isEqualTo(303);
		assertThat(ended.location()).endsWith("/sign-in?ended");
		assertThat(organiser.follow(ended).text()).contains("You have been signed out because your account was changed");
		assertThat(new WebSession("http://localhost:" + port).signIn("users-off", ConsoleUsersFixture.PASSWORD)
			.location()).endsWith("?error");

		admin.post("/users/users-off/enable", Map.of());
		WebSession.signedIn("http://localhost:" + port, "users-off", ConsoleUsersFixture.PASSWORD);
	}

	@Test
	void resettingAPasswordEndsTheUsersOtherSessions() {
		ConsoleUsersFixture.user(jdbc, encoder, "users-reset", Role.ANALYST);
		WebSession before = WebSession.signedIn("http://localhost:" + port, "users-reset",
				ConsoleUsersFixture.PASSWORD);
		admin.get("/users/users-reset");
		Page tooShort = admin.post("/users/users-reset/password", Map.of("password", "short"));
		assertThat(admin.follow(tooShort).text()).contains("Password must be 12 characters or more");
		admin.post("/users/users-reset/password", Map.of("password", "another long password"));
		assertThat(before.get("/dashboard").location()).endsWith("/sign-in?ended");
		WebSession.signedIn("http://localhost:" + port, "users-reset", "another long password");
	}

	@Test
	void administratorsCannotTurnThemselvesOff() {
		admin.get("/users/admin");
		Page self = admin.post("/users/admin/disable", Map.of());
		assertThat(admin.follow(self).text()).contains("You cannot turn off your own account");
		assertThat(jdbc.sql("SELECT enabled FROM console_users WHERE username = 'admin'").query(Boolean.class)
			.single()).isTrue();
	}

	@Test
	void everyoneCanChangeTheirOwnPasswordAndStaySignedIn() {
		ConsoleUsersFixture.user(jdbc, encoder, "users-own", Role.ANALYST);
		WebSession here = WebSession.signedIn("http://localhost:" + port, "users-own", ConsoleUsersFixture.PASSWORD);
		WebSession elsewhere = WebSession.signedIn("http://localhost:" + port, "users-own",
				ConsoleUsersFixture.PASSWORD);
		here.get("/account");
		Page wrong = here.post("/account/password", Map.of("current-password", "not it", "new-password",
				"my own new password"));
		assertThat(here.follow(wrong).text()).contains("Your current password is not right");
		Page changed = here.post("/account/password", Map.of("current-password", ConsoleUsersFixture.PASSWORD,
				"new-password", "my own new password"));
		assertThat(here.follow(changed).text()).contains("Your password has been changed");
		assertThat(here.get("/dashboard").status()).as("this session goes on").isEqualTo(200);
		assertThat(elsewhere.get("/dashboard").location()).as("other sessions end").endsWith("/sign-in?ended");
	}

	@Test
	void aUserWhoDoesNotExistIsPageNotFound() {
		Page missing = admin.get("/users/nobody-here");
		assertThat(missing.status()).isEqualTo(404);
		assertThat(missing.body()).contains("<title>Page not found - Covenant Voices</title>", "Sign out");
	}
}
