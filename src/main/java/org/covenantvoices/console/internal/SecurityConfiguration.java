package org.covenantvoices.console.internal;

import org.covenantvoices.console.Role;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;

@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

	private static final String[] READERS = { Role.ADMIN.name(), Role.ORGANISER.name(), Role.ANALYST.name() };

	@Bean
	SecurityFilterChain security(HttpSecurity http) throws Exception {
		http.authorizeHttpRequests(auth -> auth
			// Providers sign their webhooks; each channel checks the signature itself.
			.requestMatchers("/webhooks/**").permitAll()
			// The simulator answers 404 itself when it is switched off.
			.requestMatchers(HttpMethod.POST, "/api/simulator/messages").permitAll()
			.requestMatchers("/simulator", "/simulator.html", "/assets/**", "/login", "/error").permitAll()
			.requestMatchers("/actuator/health", "/actuator/health/**", "/actuator/prometheus").permitAll()
			.requestMatchers(HttpMethod.GET, "/api/contributions", "/api/export/**").hasAnyRole(READERS)
			.anyRequest()
			.authenticated())
			.httpBasic(Customizer.withDefaults())
			.formLogin(Customizer.withDefaults())
			.logout(Customizer.withDefaults())
			// Machine-to-machine routes carry no browser session to protect.
			.csrf(csrf -> csrf.ignoringRequestMatchers("/webhooks/**", "/api/**"));
		return http.build();
	}

	@Bean
	PasswordEncoder passwordEncoder() {
		return PasswordEncoderFactories.createDelegatingPasswordEncoder();
	}
}
