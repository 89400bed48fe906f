package org.covenantvoices.console.internal;

import java.util.Map;

import org.covenantvoices.audit.AuditLog;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.InteractiveAuthenticationSuccessEvent;
import org.springframework.security.authentication.event.LogoutSuccessEvent;
import org.springframework.stereotype.Component;

/**
 * Writes sign-ins to the audit log: each console sign-in and sign-out, and every failed attempt (console or API).
 * API calls with HTTP Basic sign in on every request, so their successes are not logged one by one; what they do is.
 */
@Component
class SignInAudit {

	private static final Logger log = LoggerFactory.getLogger(SignInAudit.class);

	private final AuditLog audit;

	SignInAudit(AuditLog audit) {
		this.audit = audit;
	}

	@EventListener
	void signedIn(InteractiveAuthenticationSuccessEvent event) {
		record(event.getAuthentication().getName(), "login.succeeded", Map.of());
	}

	@EventListener
	void failed(AbstractAuthenticationFailureEvent event) {
		String name = event.getAuthentication() == null ? "unknown" : event.getAuthentication().getName();
		// The name as typed, cut short: it could be a password typed into the wrong box.
		String shown = name == null ? "unknown" : name.length() > 64 ? name.substring(0, 64) : name;
		record(shown, "login.failed", Map.of("reason", event.getException().getClass().getSimpleName()));
	}

	@EventListener
	void signedOut(LogoutSuccessEvent event) {
		record(event.getAuthentication().getName(), "logout", Map.of());
	}

	private void record(String actor, String action, Map<String, ?> details) {
		try {
			audit.record(actor, action, null, details);
		}
		catch (RuntimeException e) {
			// A database that is down already refuses the sign-in elsewhere; do not hide that behind this.
			log.warn("Could not write {} for {} to the audit log: {}", action, actor, e.toString());
		}
	}
}
