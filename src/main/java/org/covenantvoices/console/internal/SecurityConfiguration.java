package org.covenantvoices.console.internal;

import java.util.List;

import org.covenantvoices.console.Role;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.authentication.AuthenticationEventPublisher;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.DefaultAuthenticationEventPublisher;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.authentication.logout.SimpleUrlLogoutSuccessHandler;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.header.writers.StaticHeadersWriter;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.AndRequestMatcher;
import org.springframework.security.web.util.matcher.AnyRequestMatcher;
import org.springframework.security.web.util.matcher.NegatedRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Who may reach what. Every route is named here with the roles it needs; anything not named is refused, and
 * {@code ConsoleRoutesTests} fails for a route that is missing from its table, so a new page or API cannot slip in
 * unprotected.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

	private static final String ADMIN = Role.ADMIN.name();

	private static final String ORGANISER = Role.ORGANISER.name();

	private static final String[] EVERY_ROLE = { ADMIN, ORGANISER, Role.ANALYST.name() };

	/** No inline scripts or styles, nothing from another origin, and no framing. */
	static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
			+ "img-src 'self'; font-src 'self'; connect-src 'self'; manifest-src 'self'; object-src 'none'; "
			+ "base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

	private static final PathPatternRequestMatcher.Builder PATHS = PathPatternRequestMatcher.withDefaults();

	/**
	 * Provider webhooks: anyone may call them, since each channel checks the provider's signature itself, and they
	 * carry no browser session. A chain of their own, first, with nothing a console page needs (sessions, sign-in,
	 * saved requests, CSRF): at hundreds of messages a second the console chain's filters were a good part of the cost.
	 */
	@Bean
	@Order(1)
	SecurityFilterChain webhooks(HttpSecurity http) throws Exception {
		http.securityMatcher(PATHS.matcher("/webhooks/**"))
			.authorizeHttpRequests(auth -> auth.anyRequest().permitAll())
			.csrf(csrf -> csrf.disable())
			.sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.requestCache(cache -> cache.disable())
			.securityContext(context -> context.disable())
			.headers(headers -> headers.frameOptions(frame -> frame.deny())
				.contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY)));
		return http.build();
	}

	@Bean
	@Order(2)
	SecurityFilterChain security(HttpSecurity http, AuthenticationManager signIn, ConsoleUsers users,
			ConsoleProperties properties) throws Exception {
		RequestMatcher api = PATHS.matcher("/api/**");
		http.authorizeHttpRequests(auth -> auth
			// Anyone: providers sign their webhooks and each channel checks the signature itself; the simulator API
			// answers 404 itself where it is switched off.
			.requestMatchers("/webhooks/**").permitAll()
			.requestMatchers(HttpMethod.POST, "/api/simulator/messages").permitAll()
			.requestMatchers("/actuator/health", "/actuator/health/**", "/actuator/prometheus").permitAll()
			.requestMatchers(HttpMethod.GET, "/assets/**", "/sign-in", "/accessibility", "/cookies").permitAll()
			.requestMatchers("/error").permitAll()
			// Privacy: only admins read the audit log and erase people.
			.requestMatchers("/api/audit", "/api/audit/**", "/api/erasures", "/api/erasures/**").hasRole(ADMIN)
			// Reading and exporting the record, events and labels: every role.
			.requestMatchers(HttpMethod.GET, "/api/contributions", "/api/contributions/**", "/api/export/**",
					"/api/events", "/api/events/**")
			.hasAnyRole(EVERY_ROLE)
			// Reviewing labels is analysis: analysts may confirm and correct them too.
			.requestMatchers(HttpMethod.POST, "/api/contributions/*/annotations", "/api/annotations/**")
			.hasAnyRole(EVERY_ROLE)
			// Running events and imports: organisers and admins.
			.requestMatchers("/api/events", "/api/events/**", "/api/imports", "/api/imports/**")
			.hasAnyRole(ADMIN, ORGANISER)
			// Campaigns: organisers and admins run them; analysts may read how they went.
			.requestMatchers(HttpMethod.GET, "/api/campaigns/*/results").hasAnyRole(EVERY_ROLE)
			.requestMatchers("/api/campaigns", "/api/campaigns/**").hasAnyRole(ADMIN, ORGANISER)
			// Theme analysis: everyone who reads the record reads the themes; organisers and admins run it.
			.requestMatchers(HttpMethod.GET, "/api/themes", "/themes").hasAnyRole(EVERY_ROLE)
			.requestMatchers(HttpMethod.POST, "/api/themes/run", "/themes/run").hasAnyRole(ADMIN, ORGANISER)
			// Any other API route: admins, who may do everything.
			.requestMatchers("/api/**").hasRole(ADMIN)
			// The pages that read the record: every role.
			.requestMatchers(HttpMethod.GET, "/", "/dashboard", "/record", "/script", "/account").hasAnyRole(EVERY_ROLE)
			.requestMatchers(HttpMethod.POST, "/account/password", "/sign-out").hasAnyRole(EVERY_ROLE)
			// The simulator writes to the record, as a participant would.
			.requestMatchers("/simulator", "/simulator/**").hasAnyRole(ADMIN, ORGANISER)
			.requestMatchers("/users", "/users/**").hasRole(ADMIN)
			// console2: events. Every role reads them and their join codes; organisers and admins change them.
			.requestMatchers(HttpMethod.GET, "/events/new", "/events/*/edit", "/events/*/close")
			.hasAnyRole(ADMIN, ORGANISER)
			.requestMatchers(HttpMethod.GET, "/events", "/events/*", "/events/*/qr.svg").hasAnyRole(EVERY_ROLE)
			.requestMatchers("/events", "/events/**").hasAnyRole(ADMIN, ORGANISER)
			// console2: imports add to the record (organisers, admins); every role exports; admins read the audit log.
			.requestMatchers("/imports", "/imports/**").hasAnyRole(ADMIN, ORGANISER)
			.requestMatchers(HttpMethod.GET, "/exports").hasAnyRole(EVERY_ROLE)
			.requestMatchers(HttpMethod.GET, "/audit").hasRole(ADMIN)
			// console2: people confirm and correct labels (analysts too, as in the API); organisers and admins review
			// safeguarding flags.
			.requestMatchers(HttpMethod.POST, "/record/annotations/*/confirm", "/record/annotations/*/correct")
			.hasAnyRole(EVERY_ROLE)
			.requestMatchers("/safeguarding", "/safeguarding/**").hasAnyRole(ADMIN, ORGANISER)
			// Campaigns reach people: organisers and admins.
			.requestMatchers("/campaigns", "/campaigns/**").hasAnyRole(ADMIN, ORGANISER)
			.anyRequest()
			.denyAll())
			.authenticationManager(signIn)
			.httpBasic(basic -> basic.authenticationEntryPoint(ConsoleAccessHandlers.api(properties)))
			.formLogin(form -> form.loginPage("/sign-in")
				.loginProcessingUrl("/sign-in")
				.usernameParameter("username")
				.passwordParameter("password")
				.successHandler(SignInHandlers.success(users, properties))
				.failureHandler(SignInHandlers.failure()))
			.logout(logout -> logout.logoutRequestMatcher(PATHS.matcher(HttpMethod.POST, "/sign-out"))
				.logoutSuccessHandler(signedOut())
				.deleteCookies(SessionConfiguration.COOKIE))
			.exceptionHandling(e -> e.defaultAuthenticationEntryPointFor(ConsoleAccessHandlers.api(properties), api)
				.defaultAuthenticationEntryPointFor(ConsoleAccessHandlers.pages(), AnyRequestMatcher.INSTANCE)
				.defaultAccessDeniedHandlerFor(ConsoleAccessHandlers.apiDenied(), api)
				.defaultAccessDeniedHandlerFor(ConsoleAccessHandlers.pagesDenied(), AnyRequestMatcher.INSTANCE))
			.requestCache(cache -> cache.requestCache(pagesOnly()))
			.addFilterBefore(new SessionCheckFilter(users), AuthorizationFilter.class)
			// Machine-to-machine routes carry no browser session to protect.
			.csrf(csrf -> csrf.ignoringRequestMatchers("/webhooks/**", "/api/**"))
			.headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
				.frameOptions(frame -> frame.deny())
				.referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.SAME_ORIGIN))
				.addHeaderWriter(new StaticHeadersWriter("Permissions-Policy",
						"camera=(), microphone=(), geolocation=(), payment=(), usb=()"))
				.addHeaderWriter(new StaticHeadersWriter("Cross-Origin-Opener-Policy", "same-origin")));
		return http.build();
	}

	/** The form and HTTP Basic both sign in here, and nowhere else: no user store falls back behind it. */
	@Bean
	AuthenticationManager signIn(ConsoleUsers users, PasswordEncoder encoder, SignInGuard guard,
			AuthenticationEventPublisher events) {
		ProviderManager manager = new ProviderManager(
				List.of(new GuardedAuthenticationProvider(users, encoder, guard)));
		manager.setEraseCredentialsAfterAuthentication(true);
		manager.setAuthenticationEventPublisher(events);
		return manager;
	}

	/** Sign-in successes and failures become application events, which {@link SignInAudit} records. */
	@Bean
	AuthenticationEventPublisher authenticationEventPublisher(ApplicationEventPublisher publisher) {
		return new DefaultAuthenticationEventPublisher(publisher);
	}

	@Bean
	PasswordEncoder passwordEncoder() {
		return PasswordEncoderFactories.createDelegatingPasswordEncoder();
	}

	private static SimpleUrlLogoutSuccessHandler signedOut() {
		SimpleUrlLogoutSuccessHandler handler = new SimpleUrlLogoutSuccessHandler();
		handler.setDefaultTargetUrl("/sign-in?signed-out");
		handler.setRedirectStrategy(SignInHandlers.SEE_OTHER);
		return handler;
	}

	/** After signing in, people go back to the page they asked for: never to an API call or a file. */
	private static HttpSessionRequestCache pagesOnly() {
		HttpSessionRequestCache cache = new HttpSessionRequestCache();
		cache.setRequestMatcher(new AndRequestMatcher(PATHS.matcher(HttpMethod.GET, "/**"),
				new NegatedRequestMatcher(new OrRequestMatcher(PATHS.matcher("/api/**"), PATHS.matcher("/assets/**"),
						PATHS.matcher("/error"), PATHS.matcher("/sign-in")))));
		return cache;
	}
}
