package org.covenantvoices.console;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.covenantvoices.support.IntegrationTest;
import org.covenantvoices.support.WebSession;
import org.covenantvoices.support.WebSession.Page;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every route the application maps, with who may use it. A route missing from the table fails the first test, so a
 * new page or API cannot arrive without someone deciding who may reach it; the second test then asks the running
 * service as an anonymous visitor and as each role.
 */
class ConsoleRoutesTests extends IntegrationTest {

	enum Access {
		/** Anyone, signed in or not. */
		PUBLIC,
		/** Open to providers at the sign-in layer; the webhook checks the provider's signature or secret itself. */
		PROVIDER,
		/** Any signed-in console user. */
		EVERY_ROLE,
		ADMIN_AND_ORGANISER,
		ADMIN
	}

	static final Map<String, Access> ROUTES = new LinkedHashMap<>();

	static {
		ROUTES.put("GET /sign-in", Access.PUBLIC);
		ROUTES.put("GET /accessibility", Access.PUBLIC);
		ROUTES.put("GET /cookies", Access.PUBLIC);
		ROUTES.put("ANY /error", Access.PUBLIC);
		ROUTES.put("POST /api/simulator/messages", Access.PUBLIC);

		ROUTES.put("GET /", Access.EVERY_ROLE);
		ROUTES.put("GET /dashboard", Access.EVERY_ROLE);
		ROUTES.put("GET /record", Access.EVERY_ROLE);
		ROUTES.put("GET /script", Access.EVERY_ROLE);
		ROUTES.put("GET /account", Access.EVERY_ROLE);
		ROUTES.put("POST /account/password", Access.EVERY_ROLE);
		ROUTES.put("GET /api/contributions", Access.EVERY_ROLE);
		ROUTES.put("GET /api/export/contributions.csv", Access.EVERY_ROLE);

		ROUTES.put("GET /simulator", Access.ADMIN_AND_ORGANISER);
		ROUTES.put("POST /simulator", Access.ADMIN_AND_ORGANISER);
		ROUTES.put("POST /simulator/new", Access.ADMIN_AND_ORGANISER);

		ROUTES.put("GET /users", Access.ADMIN);
		ROUTES.put("GET /users/new", Access.ADMIN);
		ROUTES.put("POST /users", Access.ADMIN);
		ROUTES.put("GET /users/{username}", Access.ADMIN);
		ROUTES.put("POST /users/{username}/password", Access.ADMIN);
		ROUTES.put("POST /users/{username}/disable", Access.ADMIN);
		ROUTES.put("POST /users/{username}/enable", Access.ADMIN);

		// console2: events
		ROUTES.put("GET /events", Access.EVERY_ROLE);
		ROUTES.put("GET /events/{code}", Access.EVERY_ROLE);
		ROUTES.put("GET /events/{code}/qr.svg", Access.EVERY_ROLE);
		ROUTES.put("GET /events/new", Access.ADMIN_AND_ORGANISER);
		ROUTES.put("POST /events", Access.ADMIN_AND_ORGANISER);
		ROUTES.put("GET /events/{code}/edit", Access.ADMIN_AND_ORGANISER);
		ROUTES.put("POST /events/{code}", Access.ADMIN_AND_ORGANISER);
		ROUTES.put("GET /events/{code}/close", Access.ADMIN_AND_ORGANISER);
		ROUTES.put("POST /events/{code}/close", Access.ADMIN_AND_ORGANISER);
		ROUTES.put("POST /events/{code}/reopen", Access.ADMIN_AND_ORGANISER);
		// console2: imports, exports, audit log
		ROUTES.put("GET /imports", Access.ADMIN_AND_ORGANISER);
		ROUTES.put("POST /imports", Access.ADMIN_AND_ORGANISER);
		ROUTES.put("GET /imports/done", Access.ADMIN_AND_ORGANISER);
		ROUTES.put("GET /exports", Access.EVERY_ROLE);
		ROUTES.put("GET /audit", Access.ADMIN);
		// console2: labels and safeguarding
		ROUTES.put("POST /record/annotations/{id}/confirm", Access.EVERY_ROLE);
		ROUTES.put("POST /record/annotations/{id}/correct", Access.EVERY_ROLE);
		ROUTES.put("GET /safeguarding", Access.ADMIN_AND_ORGANISER);
		ROUTES.put("POST /safeguarding/{id}/reviewed", Access.ADMIN_AND_ORGANISER);

		ROUTES.put("POST /webhooks/twilio/sms", Access.PROVIDER);
		ROUTES.put("POST /webhooks/twilio/status", Access.PROVIDER);
		ROUTES.put("POST /webhooks/telegram", Access.PROVIDER);

		ROUTES.put("GET /api/contributions/{id}", Access.EVERY_ROLE);
		ROUTES.put("GET /api/contributions/{id}/annotations", Access.EVERY_ROLE);
		ROUTES.put("POST /api/contributions/{id}/annotations", Access.EVERY_ROLE);
		ROUTES.put("POST /api/annotations/{id}/confirm", Access.EVERY_ROLE);
		ROUTES.put("POST /api/annotations/{id}/correct", Access.EVERY_ROLE);
		ROUTES.put("POST /api/annotations/{id}/remove", Access.EVERY_ROLE);
		ROUTES.put("GET /api/export/contributions.jsonl", Access.EVERY_ROLE);
		ROUTES.put("GET /api/export/consult.zip", Access.EVERY_ROLE);
		ROUTES.put("GET /api/export/flow-results.zip", Access.EVERY_ROLE);
		ROUTES.put("GET /api/export/summary.json", Access.EVERY_ROLE);
		ROUTES.put("GET /api/export/summary.csv", Access.EVERY_ROLE);
		ROUTES.put("GET /api/events", Access.EVERY_ROLE);
		ROUTES.put("GET /api/events/{code}", Access.EVERY_ROLE);
		ROUTES.put("POST /api/events", Access.ADMIN_AND_ORGANISER);
		ROUTES.put("PATCH /api/events/{code}", Access.ADMIN_AND_ORGANISER);
		ROUTES.put("POST /api/events/{code}/close", Access.ADMIN_AND_ORGANISER);
		ROUTES.put("POST /api/events/{code}/reopen", Access.ADMIN_AND_ORGANISER);
		ROUTES.put("POST /api/imports", Access.ADMIN_AND_ORGANISER);
		ROUTES.put("POST /api/erasures", Access.ADMIN);
		ROUTES.put("GET /api/audit", Access.ADMIN);
		// Campaigns: organisers and admins run them; analysts read their results only.
		ROUTES.put("GET /api/campaigns", Access.ADMIN_AND_ORGANISER);
		ROUTES.put("POST /api/campaigns", Access.ADMIN_AND_ORGANISER);
		ROUTES.put("POST /api/campaigns/preview", Access.ADMIN_AND_ORGANISER);
		ROUTES.put("GET /api/campaigns/{id}", Access.ADMIN_AND_ORGANISER);
		ROUTES.put("POST /api/campaigns/{id}/dry-run", Access.ADMIN_AND_ORGANISER);
		ROUTES.put("POST /api/campaigns/{id}/confirm", Access.ADMIN_AND_ORGANISER);
		ROUTES.put("POST /api/campaigns/{id}/pause", Access.ADMIN_AND_ORGANISER);
		ROUTES.put("POST /api/campaigns/{id}/resume", Access.ADMIN_AND_ORGANISER);
		ROUTES.put("POST /api/campaigns/{id}/cancel", Access.ADMIN_AND_ORGANISER);
		ROUTES.put("GET /api/campaigns/{id}/results", Access.EVERY_ROLE);
		// theme analysis
		ROUTES.put("GET /api/themes", Access.EVERY_ROLE);
		ROUTES.put("POST /api/themes/run", Access.ADMIN_AND_ORGANISER);
		ROUTES.put("GET /themes", Access.EVERY_ROLE);
		ROUTES.put("POST /themes/run", Access.ADMIN_AND_ORGANISER);
		ROUTES.put("GET /campaigns", Access.ADMIN_AND_ORGANISER);
		ROUTES.put("GET /campaigns/new", Access.ADMIN_AND_ORGANISER);
		ROUTES.put("POST /campaigns/new", Access.ADMIN_AND_ORGANISER);
		ROUTES.put("GET /campaigns/{id}", Access.ADMIN_AND_ORGANISER);
		ROUTES.put("POST /campaigns/{id}/dry-run", Access.ADMIN_AND_ORGANISER);
		ROUTES.put("POST /campaigns/{id}/confirm", Access.ADMIN_AND_ORGANISER);
		ROUTES.put("POST /campaigns/{id}/pause", Access.ADMIN_AND_ORGANISER);
		ROUTES.put("POST /campaigns/{id}/resume", Access.ADMIN_AND_ORGANISER);
		ROUTES.put("POST /campaigns/{id}/cancel", Access.ADMIN_AND_ORGANISER);
	}

	@Autowired
	@Qualifier("requestMappingHandlerMapping")
	RequestMappingHandlerMapping mappings;

	@Autowired
	PasswordEncoder encoder;

	private final Map<Role, WebSession> signedIn = new LinkedHashMap<>();

	@BeforeEach
	void users() {
		for (Role role : Role.values()) {
			String name = ConsoleUsersFixture.user(jdbc, encoder, "routes-" + role.name().toLowerCase(), role);
			signedIn.put(role, WebSession.signedIn("http://localhost:" + port, name, ConsoleUsersFixture.PASSWORD));
		}
		ConsoleUsersFixture.user(jdbc, encoder, "routes-target", Role.ANALYST);
	}

	@Test
	void everyRouteHasADecidedAccess() {
		Set<String> mapped = new TreeSet<>();
		for (RequestMappingInfo info : mappings.getHandlerMethods().keySet()) {
			Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
			for (String pattern : info.getPatternValues()) {
				if (methods.isEmpty()) {
					mapped.add("ANY " + pattern);
				}
				for (RequestMethod method : methods) {
					mapped.add(method.name() + " " + pattern);
				}
			}
		}
		assertThat(mapped).as("routes the application maps; add each new one to ROUTES with its access")
			.isSubsetOf(ROUTES.keySet());
		assertThat(ROUTES.keySet()).as("routes in the table that the application no longer maps")
			.isSubsetOf(mapped);
	}

	@Test
	void anonymousVisitorsAndEachRoleGetWhatTheTableSays() {
		String base = "http://localhost:" + port;
		ROUTES.forEach((route, access) -> {
			String method = route.substring(0, route.indexOf(' '));
			String path = route.substring(route.indexOf(' ') + 1)
				.replace("{username}", "routes-target")
				.replace("{id}", "1")
				.replace("{code}", "ABC234");
			if (path.equals("/error")) {
				return; // only reached through the container's error dispatch
			}
			Page anonymous = call(new WebSession(base), method, path);
			if (access == Access.PROVIDER) {
				// An unsigned request reaches the webhook, which refuses it itself (403) or is switched off (404).
				assertThat(anonymous.status()).as(route + " anonymously").isNotEqualTo(401).isNotEqualTo(303);
				return;
			}
			if (access == Access.PUBLIC) {
				assertAllowed(route + " anonymously", anonymous);
			}
			else if (path.startsWith("/api/")) {
				assertThat(anonymous.status()).as(route + " anonymously").isEqualTo(401);
			}
			else {
				assertThat(anonymous.status()).as(route + " anonymously").isEqualTo(303);
				assertThat(anonymous.location()).as(route + " anonymously").endsWith("/sign-in");
			}
			for (Role role : Role.values()) {
				Page page = call(signedIn.get(role), method, path);
				String as = route + " as " + role;
				if (allowed(access, role)) {
					assertAllowed(as, page);
				}
				else {
					assertThat(page.status()).as(as).isEqualTo(403);
				}
			}
		});
	}

	@Test
	void pathsThatAreNotRoutesAreRefused() {
		String base = "http://localhost:" + port;
		Page anonymous = new WebSession(base).get("/no-such-page");
		assertThat(anonymous.status()).isEqualTo(303);
		assertThat(anonymous.location()).endsWith("/sign-in");
		assertThat(signedIn.get(Role.ADMIN).get("/no-such-page").status()).isEqualTo(403);
		assertThat(signedIn.get(Role.ADMIN).get("/webjars/govuk-frontend/5.14.0/package.json").status())
			.isEqualTo(403);
		assertThat(new WebSession(base).get("/assets/govuk/govuk-frontend.min.css").status()).isEqualTo(200);
		assertThat(new WebSession(base).get("/actuator/health").status()).isEqualTo(200);
	}

	private static boolean allowed(Access access, Role role) {
		return switch (access) {
			case PUBLIC, PROVIDER, EVERY_ROLE -> true;
			case ADMIN_AND_ORGANISER -> role == Role.ADMIN || role == Role.ORGANISER;
			case ADMIN -> role == Role.ADMIN;
		};
	}

	private static void assertAllowed(String as, Page page) {
		assertThat(page.status()).as(as).isNotIn(401, 403);
		assertThat(page.location()).as(as).doesNotContain("/sign-in");
	}

	/** A request that changes nothing lasting: posts carry no fields (so forms answer with their errors). */
	private static Page call(WebSession web, String method, String path) {
		if (method.equals("GET")) {
			return web.get(path);
		}
		if (path.startsWith("/api/")) {
			return web.postRaw(path, Map.of(), Map.of());
		}
		return web.post(path, Map.of());
	}
}
