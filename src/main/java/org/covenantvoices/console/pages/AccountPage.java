package org.covenantvoices.console.pages;

import java.time.Instant;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import org.covenantvoices.console.internal.AccountSessions;
import org.covenantvoices.console.internal.ConsoleUser;
import org.covenantvoices.console.internal.ConsoleUsers;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Each user's own page: who they are signed in as, and a form to change their password. */
@Controller
class AccountPage {

	private final ConsoleUsers users;

	private final PasswordEncoder encoder;

	private final AuthenticationManager signIn;

	AccountPage(ConsoleUsers users, PasswordEncoder encoder, AuthenticationManager signIn) {
		this.users = users;
		this.encoder = encoder;
		this.signIn = signIn;
	}

	@GetMapping("/account")
	String account(Model model) {
		model.addAttribute("user", me());
		if (!model.containsAttribute("errors")) {
			model.addAttribute("errors", new FormErrors());
		}
		return "console/account";
	}

	/**
	 * The current password is checked the way signing in checks it, so guessing it here counts towards the lock as a
	 * wrong password at the sign-in form would.
	 */
	@PostMapping("/account/password")
	String changePassword(@RequestParam(name = "current-password", required = false) String current,
			@RequestParam(name = "new-password", required = false) String replacement, HttpServletRequest request,
			HttpSession session, RedirectAttributes redirect) {
		ConsoleUser me = me();
		FormErrors errors = new FormErrors();
		if (current == null || current.isEmpty()) {
			errors.add("current-password", "Enter your current password");
		}
		else {
			String problem = check(me.username(), current, request);
			if (problem != null) {
				errors.add("current-password", problem);
			}
		}
		String weak = PasswordRules.problem(replacement, me.username());
		if (weak != null) {
			errors.add("new-password", weak.replace("Enter a password", "Enter a new password"));
		}
		else if (replacement.equals(current)) {
			errors.add("new-password", "New password must be different from your current password");
		}
		if (errors.any()) {
			redirect.addFlashAttribute("errors", errors);
			return "redirect:/account";
		}
		Optional<Instant> revoked = users.setPassword(me.username(), encoder.encode(replacement));
		revoked.ifPresent(at -> AccountSessions.keepCurrent(session, at));
		redirect.addFlashAttribute("success", "Your password has been changed. You have been signed out everywhere "
				+ "else.");
		return "redirect:/account";
	}

	/** @return what is wrong with the current password, or null where it is right */
	private String check(String username, String password, HttpServletRequest request) {
		UsernamePasswordAuthenticationToken attempt = UsernamePasswordAuthenticationToken.unauthenticated(username,
				password);
		attempt.setDetails(new WebAuthenticationDetails(request));
		try {
			signIn.authenticate(attempt);
			return null;
		}
		catch (LockedException e) {
			return "You have entered a wrong password too many times. Try again later";
		}
		catch (AuthenticationException e) {
			return "Your current password is not right";
		}
	}

	private ConsoleUser me() {
		return ConsoleLayout.signedIn()
			.flatMap(user -> users.find(user.username()))
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.UNAUTHORIZED));
	}
}
