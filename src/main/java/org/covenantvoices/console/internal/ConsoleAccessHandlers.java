package org.covenantvoices.console.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.MediaType;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authentication.InternalAuthenticationServiceException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.csrf.CsrfException;

/** What a request that may not go on gets: JSON with a reason for the API, GOV.UK pages for people. */
final class ConsoleAccessHandlers {

	private ConsoleAccessHandlers() {
	}

	/** No or wrong credentials on the API: 401 with a Basic challenge, 429 when the address is throttled. */
	static AuthenticationEntryPoint api(ConsoleProperties properties) {
		return (request, response, exception) -> {
			if (exception instanceof SignInThrottledException) {
				response.setHeader("Retry-After", Long.toString(properties.signIn().window().toSeconds()));
				json(response, 429, "Too many failed sign-ins from your address. Try again later.");
			}
			else if (exception instanceof InternalAuthenticationServiceException) {
				json(response, 503, "Sign-in cannot be checked just now. Please try again soon.");
			}
			else {
				response.setHeader("WWW-Authenticate", "Basic realm=\"Covenant Voices\"");
				json(response, 401, exception instanceof LockedException
						? "This account is locked after too many wrong passwords. Try again later."
						: "Sign in with a console user name and password (HTTP Basic) or a console session.");
			}
		};
	}

	/** People who are not signed in go to the sign-in page, and come back to the page they asked for. */
	static AuthenticationEntryPoint pages() {
		return (request, response, exception) -> SignInHandlers.redirect(response, "/sign-in");
	}

	static AccessDeniedHandler apiDenied() {
		return (request, response, exception) -> json(response, 403, exception instanceof CsrfException
				? "This request needs a CSRF token." : "Your role may not do this.");
	}

	/**
	 * A form sent after the session ended carries a token that no longer matches: that person is asked to sign in
	 * again, not shown an error. Anything else is the 403 page.
	 */
	static AccessDeniedHandler pagesDenied() {
		return (request, response, exception) -> {
			if (exception instanceof CsrfException && !signedIn()) {
				SignInHandlers.redirect(response, "/sign-in?timeout");
				return;
			}
			response.sendError(HttpServletResponse.SC_FORBIDDEN);
		};
	}

	/** Read from the security context: the request's own principal is not set yet when the CSRF check runs. */
	private static boolean signedIn() {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		return authentication != null && authentication.isAuthenticated()
				&& !(authentication instanceof AnonymousAuthenticationToken);
	}

	private static void json(HttpServletResponse response, int status, String reason) throws IOException {
		response.setStatus(status);
		response.setContentType(MediaType.APPLICATION_JSON_VALUE);
		response.setCharacterEncoding(StandardCharsets.UTF_8.name());
		response.getWriter().write("{\"error\": \"" + reason.replace("\"", "\\\"") + "\"}");
	}
}
