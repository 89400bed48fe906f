package org.covenantvoices.console.pages;

import jakarta.servlet.http.HttpSession;
import org.covenantvoices.console.internal.SignInFailure;
import org.covenantvoices.console.internal.SignInLimits;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The sign-in form. Spring Security checks what it sends (POST /sign-in) and brings failures back here. */
@Controller
class SignInPage {

	private final SignInLimits limits;

	SignInPage(SignInLimits limits) {
		this.limits = limits;
	}

	@GetMapping("/sign-in")
	String signIn(@RequestParam(required = false) String error,
			@RequestParam(name = "signed-out", required = false) String signedOut,
			@RequestParam(required = false) String timeout, @RequestParam(required = false) String ended,
			HttpSession session, Model model) {
		if (ConsoleLayout.signedIn().isPresent()) {
			return "redirect:/dashboard";
		}
		FormErrors errors = new FormErrors();
		String username = "";
		SignInFailure failure = (SignInFailure) session.getAttribute(SignInFailure.SESSION_ATTRIBUTE);
		if (error != null && failure != null) {
			session.removeAttribute(SignInFailure.SESSION_ATTRIBUTE);
			username = failure.username();
			explain(failure.reason(), errors);
		}
		model.addAttribute("errors", errors);
		model.addAttribute("username", username);
		if (signedOut != null) {
			model.addAttribute("notice", "You have signed out.");
		}
		else if (timeout != null) {
			model.addAttribute("notice", "The page timed out, so nothing was sent. Sign in again.");
		}
		else if (ended != null) {
			model.addAttribute("notice", "You have been signed out because your account was changed. "
					+ "Sign in again, or ask an administrator.");
		}
		return "console/sign-in";
	}

	private void explain(SignInFailure.Reason reason, FormErrors errors) {
		switch (reason) {
			case MISSING_USERNAME_AND_PASSWORD -> errors.add("username", "Enter your user name")
				.add("password", "Enter your password");
			case MISSING_USERNAME -> errors.add("username", "Enter your user name");
			case MISSING_PASSWORD -> errors.add("password", "Enter your password");
			case NOT_RECOGNISED -> errors.add("username", "Enter a user name and password that match a console user");
			case LOCKED -> errors.add("username", "You have entered a wrong password too many times. Try again in "
					+ minutes(limits.lockMinutes()) + ", or ask an administrator to reset your password");
			case THROTTLED -> errors.add("username", "There have been too many failed sign-ins from your network. "
					+ "Try again in " + minutes(limits.windowMinutes()));
			case UNAVAILABLE -> errors.add("username", "Sorry, signing in is not working just now. Try again in a few "
					+ "minutes");
		}
	}

	private static String minutes(long n) {
		return n == 1 ? "1 minute" : n + " minutes";
	}
}
