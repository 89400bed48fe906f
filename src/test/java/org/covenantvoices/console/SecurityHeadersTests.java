package org.covenantvoices.console;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.covenantvoices.support.Instance;
import org.covenantvoices.support.IntegrationTest;
import org.covenantvoices.support.TestServers;
import org.covenantvoices.support.WebSession;
import org.covenantvoices.support.WebSession.Page;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.UnifiedJedis;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What protects a signed-in organiser's browser: a strict Content-Security-Policy that the pages keep to (no inline
 * script or style anywhere), no framing, a session cookie scripts cannot read and other sites do not send, and a
 * CSRF token on every form.
 */
class SecurityHeadersTests extends IntegrationTest {

	private static final List<String> PAGES = List.of("/sign-in", "/accessibility", "/cookies", "/dashboard",
			"/dashboard?nation=wales", "/record", "/record?from-day=1", "/simulator", "/script", "/users", "/users/new",
			"/users/admin", "/account", "/users/no-such-user", "/no-such-page");

	@Test
	void everyPageSendsAStrictContentSecurityPolicyAndKeepsToIt() {
		WebSession admin = WebSession.signedIn(base(), "admin", ADMIN_PASSWORD);
		for (String path : PAGES) {
			Page page = admin.get(path);
			String csp = page.header("Content-Security-Policy").orElse("");
			assertThat(csp).as(path).contains("default-src 'self'", "script-src 'self'", "style-src 'self'",
					"frame-ancestors 'none'", "object-src 'none'", "form-action 'self'").doesNotContain("unsafe");
			assertThat(page.header("X-Frame-Options")).as(path).hasValue("DENY");
			assertThat(page.header("X-Content-Type-Options")).as(path).hasValue("nosniff");
			assertThat(page.header("Referrer-Policy")).as(path).hasValue("same-origin");
			assertNoInlineScriptOrStyle(path, page.body());
		}
	}

	@Test
	void theSessionCookieIsSecureHttpOnlyAndSameSite() {
		Page page = new WebSession(base()).get("/sign-in");
		String cookie = page.header("Set-Cookie").orElseThrow();
		assertThat(cookie).startsWith("cv_session=").contains("Secure", "HttpOnly", "SameSite=Lax", "Path=/");
	}

	/** Anyone can open the sign-in page: the session that makes lasts minutes, a signed-in one an hour. */
	@Test
	void sessionsLiveInRedisShortlyUntilSomeoneSignsIn() {
		WebSession web = new WebSession(base());
		web.get("/sign-in");
		try (UnifiedJedis redis = TestServers.get().redis()) {
			long anonymous = redis.pttl(sessionKey(web));
			assertThat(anonymous).isPositive().isLessThanOrEqualTo(Duration.ofMinutes(15).toMillis());
			web.post("/sign-in", Map.of("username", "admin", "password", ADMIN_PASSWORD));
			long signedIn = redis.pttl(sessionKey(web));
			assertThat(signedIn).isGreaterThan(Duration.ofMinutes(55).toMillis())
				.isLessThanOrEqualTo(Duration.ofMinutes(60).toMillis());
		}
	}

	private static String sessionKey(WebSession web) {
		String id = new String(Base64.getDecoder().decode(web.sessionCookie()), StandardCharsets.UTF_8);
		return TestServers.get().namespace + ":console:session:" + id;
	}

	@Test
	void formsNeedTheirCsrfToken() {
		WebSession admin = WebSession.signedIn(base(), "admin", ADMIN_PASSWORD);
		jdbc.sql("DELETE FROM console_users WHERE username = 'csrf-victim'").update();
		Page forged = admin.postRaw("/users", Map.of("username", "csrf-victim", "role", "ADMIN", "password",
				"a long enough password"), Map.of());
		assertThat(forged.status()).isEqualTo(403);
		assertThat(jdbc.sql("SELECT count(*) FROM console_users WHERE username = 'csrf-victim'").query(Long.class)
			.single()).isZero();
		Page signOut = admin.postRaw("/sign-out", Map.of(), Map.of());
		assertThat(signOut.status()).isEqualTo(403);
		assertThat(admin.get("/dashboard").status()).as("still signed in").isEqualTo(200);

		for (String path : PAGES) {
			String body = admin.get(path).body();
			Matcher forms = Pattern.compile("(?is)<form\\b[^>]*method=\"post\"[^>]*>(.*?)</form>").matcher(body);
			while (forms.find()) {
				assertThat(forms.group(1)).as("a form on " + path).contains("name=\"_csrf\"");
			}
		}
	}

	@Test
	void aFormSentAfterTheSessionEndedAsksToSignInAgain() {
		WebSession web = new WebSession(base());
		web.get("/sign-in");
		Page stale = web.postRaw("/sign-in", Map.of("username", "admin", "password", ADMIN_PASSWORD, "_csrf",
				"not-the-token"), Map.of());
		assertThat(stale.status()).isEqualTo(303);
		assertThat(stale.location()).endsWith("/sign-in?timeout");
		assertThat(web.follow(stale).text()).contains("The page timed out");
	}

	/** Sessions live in Redis: a session from one instance works on another, as behind a load balancer. */
	@Test
	void aSessionWorksOnEveryInstance() {
		WebSession web = WebSession.signedIn(base(), "admin", ADMIN_PASSWORD);
		try (Instance other = Instance.start()) {
			int otherPort = ((org.springframework.boot.web.server.context.WebServerApplicationContext) other.context)
				.getWebServer()
				.getPort();
			WebSession there = new WebSession("http://localhost:" + otherPort);
			there.adopt(web);
			assertThat(there.get("/users").status()).isEqualTo(200);
			there.get("/account");
			assertThat(there.post("/sign-out", Map.of()).location()).endsWith("/sign-in?signed-out");
		}
		assertThat(web.get("/dashboard").status()).as("signed out there, so signed out here").isEqualTo(303);
	}

	static void assertNoInlineScriptOrStyle(String path, String body) {
		Matcher scripts = Pattern.compile("(?is)<script\\b([^>]*)>(.*?)</script>").matcher(body);
		while (scripts.find()) {
			assertThat(scripts.group(1)).as("every script on " + path + " comes from a file").contains("src=");
			assertThat(scripts.group(2).strip()).as("script on " + path).isEmpty();
		}
		assertThat(body).as(path).doesNotContainPattern("(?i)<style\\b").doesNotContainPattern("(?i)\\sstyle=\"")
			.doesNotContainPattern("(?i)\\son[a-z]+=\"").doesNotContain("javascript:");
	}

	private String base() {
		return "http://localhost:" + port;
	}
}
