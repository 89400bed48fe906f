package org.covenantvoices.console.internal;

import java.io.IOException;
import java.time.Instant;
import java.util.Optional;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Ends a signed-in session whose user has since been turned off, given another role, or had their password reset, so
 * that an administrator's change takes effect at once rather than when the session runs out.
 */
class SessionCheckFilter extends OncePerRequestFilter {

	private final ConsoleUsers users;

	private final SecurityContextHolderStrategy contexts = SecurityContextHolder.getContextHolderStrategy();

	SessionCheckFilter(ConsoleUsers users) {
		this.users = users;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		HttpSession session = request.getSession(false);
		Authentication authentication = contexts.getContext().getAuthentication();
		Instant signedInAt = session == null ? null : (Instant) session.getAttribute(SignInHandlers.SIGNED_IN_AT);
		if (signedInAt != null && authentication != null && authentication.isAuthenticated()
				&& !stillValid(authentication, signedInAt)) {
			session.invalidate();
			contexts.clearContext();
			if (request.getRequestURI().startsWith("/api/")) {
				response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
				response.setContentType("application/json");
				response.getWriter().write("{\"error\": \"Your session has ended. Sign in again.\"}");
			}
			else {
				SignInHandlers.redirect(response, "/sign-in?ended");
			}
			return;
		}
		chain.doFilter(request, response);
	}

	private boolean stillValid(Authentication authentication, Instant signedInAt) {
		Optional<ConsoleUsers.SessionCheck> check = users.sessionCheck(authentication.getName());
		if (check.isEmpty() || !check.get().enabled()) {
			return false;
		}
		String role = "ROLE_" + check.get().role().name();
		if (authentication.getAuthorities().stream().noneMatch(a -> role.equals(a.getAuthority()))) {
			return false;
		}
		Instant revoked = check.get().sessionsRevokedAt();
		return revoked == null || revoked.isBefore(signedInAt);
	}
}
