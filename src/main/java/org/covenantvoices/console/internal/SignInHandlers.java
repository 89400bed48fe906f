package org.covenantvoices.console.internal;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.covenantvoices.console.internal.SignInFailure.Reason;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.InternalAuthenticationServiceException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.DefaultRedirectStrategy;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;

/** What happens after the sign-in form is sent: on to the page asked for, or back to the form with the reason. */
final class SignInHandlers {

	/** When this session signed in; a user's sessions from before their password was reset stop working. */
	static final String SIGNED_IN_AT = "cv.signedInAt";

	private static final Logger log = LoggerFactory.getLogger(SignInHandlers.class);

	/** After a form is sent, the next page is fetched with GET, whatever the form's method. */
	static final DefaultRedirectStrategy SEE_OTHER = new DefaultRedirectStrategy();

	static {
		SEE_OTHER.setStatusCode(HttpStatus.SEE_OTHER);
	}

	private SignInHandlers() {
	}

	static AuthenticationSuccessHandler success(ConsoleUsers users, ConsoleProperties properties) {
		SavedRequestAwareAuthenticationSuccessHandler next = new SavedRequestAwareAuthenticationSuccessHandler();
		next.setDefaultTargetUrl("/dashboard");
		next.setRedirectStrategy(SEE_OTHER);
		return (request, response, authentication) -> {
			request.getSession().setAttribute(SIGNED_IN_AT, users.signedIn(authentication.getName()));
			request.getSession().setMaxInactiveInterval((int) properties.sessionTimeout().toSeconds());
			request.getSession().removeAttribute(SignInFailure.SESSION_ATTRIBUTE);
			next.onAuthenticationSuccess(request, response, authentication);
		};
	}

	static AuthenticationFailureHandler failure() {
		return (HttpServletRequest request, HttpServletResponse response, AuthenticationException exception) -> {
			String username = request.getParameter("username");
			String password = request.getParameter("password");
			boolean noUsername = username == null || username.isBlank();
			boolean noPassword = password == null || password.isEmpty();
			Reason reason;
			if (exception instanceof SignInThrottledException) {
				reason = Reason.THROTTLED;
			}
			else if (exception instanceof LockedException) {
				reason = Reason.LOCKED;
			}
			else if (exception instanceof InternalAuthenticationServiceException) {
				log.warn("Sign-in could not be checked: {}", String.valueOf(exception.getCause()));
				reason = Reason.UNAVAILABLE;
			}
			else if (noUsername && noPassword) {
				reason = Reason.MISSING_USERNAME_AND_PASSWORD;
			}
			else if (noUsername) {
				reason = Reason.MISSING_USERNAME;
			}
			else if (noPassword) {
				reason = Reason.MISSING_PASSWORD;
			}
			else {
				reason = Reason.NOT_RECOGNISED;
			}
			String kept = noUsername ? "" : username.strip();
			request.getSession().setAttribute(SignInFailure.SESSION_ATTRIBUTE,
					new SignInFailure(kept.length() > 100 ? kept.substring(0, 100) : kept, reason));
			redirect(response, "/sign-in?error");
		};
	}

	static void redirect(HttpServletResponse response, String location) throws IOException {
		response.setStatus(HttpServletResponse.SC_SEE_OTHER);
		response.setHeader("Location", location);
	}
}
