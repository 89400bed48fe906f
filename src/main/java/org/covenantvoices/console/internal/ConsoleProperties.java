package org.covenantvoices.console.internal;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param sessionTimeout how long a console session lasts without a request
 * @param secureCookie send the session cookie over HTTPS only. Browsers treat http://localhost as secure, so leave it
 * on unless the console is tried over plain HTTP on another host
 */
@ConfigurationProperties("covenant.console")
record ConsoleProperties(@DefaultValue("60m") Duration sessionTimeout, @DefaultValue("true") boolean secureCookie,
		@DefaultValue SignIn signIn) {

	/** How long a session lasts before anyone signs in with it: long enough to fill in the form, no longer. */
	Duration signInTimeout() {
		Duration quarterHour = Duration.ofMinutes(15);
		return sessionTimeout.compareTo(quarterHour) < 0 ? sessionTimeout : quarterHour;
	}

	/**
	 * @param maxFailures wrong passwords for one user name within {@code window} that lock it
	 * @param lockFor how long a locked user name stays locked
	 * @param maxFailuresPerAddress failed sign-ins from one network address within {@code window} after which every
	 * sign-in from it is refused until the window has passed
	 */
	record SignIn(@DefaultValue("5") int maxFailures, @DefaultValue("15m") Duration window,
			@DefaultValue("15m") Duration lockFor, @DefaultValue("30") int maxFailuresPerAddress) {
	}
}
