package org.covenantvoices.console.internal;

import org.covenantvoices.console.Role;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.AuthenticationEventPublisher;
import org.springframework.security.authentication.DefaultAuthenticationEventPublisher;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.www.BasicAuthenticationEntryPoint;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;

@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

	private static final String ADMIN = Role.ADMIN.name();

	private static final String ORGANISER = Role.ORGANISER.name();

	private static final String[] READERS = { ADMIN, ORGANISER, Role.ANALYST.name() };

	@Bean
	SecurityFilterChain security(HttpSecurity http) throws Exception {
		BasicAuthenticationEntryPoint basic = new BasicAuthenticationEntryPoint();
		basic.setRealmName("Covenant Voices");
		http.authorizeHttpRequests(auth -> auth
			// Providers sign their webhooks; each channel checks the signature itself.
			.requestMatchers("/webhooks/**").permitAll()
			// The simulator answers 404 itself when it is switched off.
			.requestMatchers(HttpMethod.POST, "/api/simulator/messages").permitAll()
			.requestMatchers("/simulator", "/simulator.html", "/assets/**", "/login", "/error").permitAll()
			.requestMatchers("/actuator/health", "/actuator/health/**", "/actuator/prometheus").permitAll()
			// Privacy: only admins read the audit log and erase people.
			.requestMatchers("/api/audit", "/api/audit/**", "/api/erasures", "/api/erasures/**").hasRole(ADMIN)
			// Reading and exporting the record, events and labels: every console role.
			.requestMatchers(HttpMethod.GET, "/api/contributions", "/api/contributions/**", "/api/export/**",
					"/api/events", "/api/events/**")
			.hasAnyRole(READERS)
			// Reviewing labels is analysis: analysts may confirm and correct them too.
			.requestMatchers(HttpMethod.POST, "/api/contributions/*/annotations", "/api/annotations/**")
			.hasAnyRole(READERS)
			// Running events and imports: organisers and admins.
			.requestMatchers("/api/events", "/api/events/**", "/api/imports", "/api/imports/**")
			.hasAnyRole(ADMIN, ORGANISER)
			// Anything else under /api: admins, who may do everything.
			.requestMatchers("/api/**").hasRole(ADMIN)
			.anyRequest()
			.authenticated())
			.httpBasic(basicAuth -> basicAuth.authenticationEntryPoint(basic))
			.formLogin(Customizer.withDefaults())
			.logout(Customizer.withDefaults())
			// A program calling the API gets 401, never the sign-in page.
			.exceptionHandling(e -> e.defaultAuthenticationEntryPointFor(basic,
					PathPatternRequestMatcher.withDefaults().matcher("/api/**")))
			// Machine-to-machine routes carry no browser session to protect.
			.csrf(csrf -> csrf.ignoringRequestMatchers("/webhooks/**", "/api/**"));
		return http.build();
	}

	@Bean
	PasswordEncoder passwordEncoder() {
		return PasswordEncoderFactories.createDelegatingPasswordEncoder();
	}

	/** Sign-in successes and failures become application events, which {@link SignInAudit} records. */
	@Bean
	AuthenticationEventPublisher authenticationEventPublisher(ApplicationEventPublisher publisher) {
		return new DefaultAuthenticationEventPublisher(publisher);
	}
}
