package org.covenantvoices.console.internal;

import java.util.EnumSet;

import jakarta.servlet.DispatcherType;
import org.covenantvoices.platform.RedisKeys;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.session.MapSession;
import org.springframework.session.SessionRepository;
import org.springframework.session.config.annotation.web.http.EnableSpringHttpSession;
import org.springframework.session.web.http.CookieSerializer;
import org.springframework.session.web.http.DefaultCookieSerializer;
import org.springframework.session.web.http.SessionRepositoryFilter;
import redis.clients.jedis.UnifiedJedis;

/** Console sessions live in Redis, behind a cookie that scripts cannot read and other sites do not send. */
@Configuration(proxyBeanMethods = false)
@EnableSpringHttpSession
class SessionConfiguration {

	static final String COOKIE = "cv_session";

	@Bean
	SessionRepository<MapSession> sessionRepository(UnifiedJedis redis, RedisKeys keys, ConsoleProperties properties) {
		return new RedisSessionRepository(redis, keys, properties.signInTimeout());
	}

	@Bean
	CookieSerializer cookieSerializer(ConsoleProperties properties) {
		DefaultCookieSerializer cookie = new DefaultCookieSerializer();
		cookie.setCookieName(COOKIE);
		cookie.setCookiePath("/");
		cookie.setUseHttpOnlyCookie(true);
		cookie.setUseSecureCookie(properties.secureCookie());
		// Lax, not Strict: a link to the console from an e-mail still finds the person signed in. Every form carries
		// a CSRF token besides.
		cookie.setSameSite("Lax");
		return cookie;
	}

	/** Before Spring Security, and on error pages too, so they know who is signed in. */
	@Bean
	FilterRegistrationBean<SessionRepositoryFilter<?>> sessionFilterRegistration(SessionRepositoryFilter<?> filter) {
		FilterRegistrationBean<SessionRepositoryFilter<?>> registration = new FilterRegistrationBean<>(filter);
		registration.setDispatcherTypes(EnumSet.of(DispatcherType.REQUEST, DispatcherType.ERROR, DispatcherType.ASYNC));
		registration.setOrder(SessionRepositoryFilter.DEFAULT_ORDER);
		return registration;
	}
}
