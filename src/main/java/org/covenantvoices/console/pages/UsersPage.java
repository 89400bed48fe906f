package org.covenantvoices.console.pages;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

import jakarta.servlet.http.HttpSession;
import org.covenantvoices.console.Role;
import org.covenantvoices.console.internal.AccountSessions;
import org.covenantvoices.console.internal.ConsoleUser;
import org.covenantvoices.console.internal.ConsoleUsers;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriUtils;

/**
 * Console users, for administrators: list them, add one with a role, turn one off or on again, and reset a
 * password (which also unlocks a locked account). Every change ends the user's open sessions where it should.
 */
@Controller
class UsersPage {

	private static final Logger log = LoggerFactory.getLogger(UsersPage.class);

	/** Letters, numbers, dots, hyphens, underscores and @, so an e-mail address works as a user name. */
	static final Pattern USERNAME = Pattern.compile("[a-z0-9][a-z0-9._@-]{1,63}");

	private final ConsoleUsers users;

	private final PasswordEncoder encoder;

	UsersPage(ConsoleUsers users, PasswordEncoder encoder) {
		this.users = users;
		this.encoder = encoder;
	}

	@GetMapping("/users")
	String list(Model model) {
		model.addAttribute("users", users.list());
		model.addAttribute("roles", Role.values());
		model.addAttribute("now", Instant.now());
		return "console/users";
	}

	@GetMapping("/users/new")
	String addForm(Model model) {
		model.addAttribute("errors", new FormErrors());
		model.addAttribute("username", "");
		model.addAttribute("role", null);
		model.addAttribute("roles", Role.values());
		return "console/user-new";
	}

	@PostMapping("/users")
	String add(@RequestParam(required = false) String username, @RequestParam(required = false) String role,
			@RequestParam(required = false) String password, Model model, RedirectAttributes redirect) {
		String name = username == null ? "" : username.strip().toLowerCase(Locale.ROOT);
		Optional<Role> chosen = parseRole(role);
		FormErrors errors = new FormErrors();
		if (name.isEmpty()) {
			errors.add("username", "Enter a user name");
		}
		else if (!USERNAME.matcher(name).matches()) {
			errors.add("username", "User name must be 2 to 64 letters, numbers, dots, hyphens, underscores or @, "
					+ "starting with a letter or number");
		}
		if (chosen.isEmpty()) {
			errors.add("role", "Select a role");
		}
		String passwordProblem = PasswordRules.problem(password, name);
		if (passwordProblem != null) {
			errors.add("password", passwordProblem);
		}
		if (!errors.any() && !users.add(name, encoder.encode(password), chosen.get(), signedInName())) {
			errors.add("username", "There is already a user called " + name);
		}
		if (errors.any()) {
			model.addAttribute("errors", errors);
			model.addAttribute("username", username == null ? "" : username);
			model.addAttribute("role", chosen.map(Role::name).orElse(null));
			model.addAttribute("roles", Role.values());
			return "console/user-new";
		}
		log.info("Console user {} added as {} by {}", name, chosen.get(), signedInName());
		redirect.addFlashAttribute("success", name + " has been added. Give them their password in person or by "
				+ "a separate channel, never in the same message as their user name.");
		return "redirect:/users";
	}

	@GetMapping("/users/{username}")
	String user(@PathVariable String username, Model model) {
		model.addAttribute("user", find(username));
		model.addAttribute("self", find(username).username().equals(signedInName()));
		model.addAttribute("now", Instant.now());
		if (!model.containsAttribute("errors")) {
			model.addAttribute("errors", new FormErrors());
		}
		return "console/user";
	}

	@PostMapping("/users/{username}/password")
	String resetPassword(@PathVariable String username, @RequestParam(required = false) String password,
			HttpSession session, RedirectAttributes redirect) {
		ConsoleUser user = find(username);
		String problem = PasswordRules.problem(password, user.username());
		if (problem != null) {
			redirect.addFlashAttribute("errors", new FormErrors().add("password", problem));
			return "redirect:/users/" + path(user) + "#password";
		}
		Optional<Instant> revoked = users.setPassword(user.username(), encoder.encode(password));
		log.info("Password of console user {} reset by {}", user.username(), signedInName());
		if (user.username().equals(signedInName())) {
			revoked.ifPresent(at -> AccountSessions.keepCurrent(session, at));
		}
		redirect.addFlashAttribute("success", "The password for " + user.username() + " has been reset"
				+ (user.lockedAt(Instant.now()) ? " and the account unlocked" : "") + ". They have been signed out "
				+ "everywhere else.");
		return "redirect:/users/" + path(user);
	}

	@PostMapping("/users/{username}/disable")
	String disable(@PathVariable String username, RedirectAttributes redirect) {
		ConsoleUser user = find(username);
		if (user.username().equals(signedInName())) {
			redirect.addFlashAttribute("errors",
					new FormErrors().add("disable", "You cannot turn off your own account. Ask another administrator"));
			return "redirect:/users/" + path(user);
		}
		if (user.role() == Role.ADMIN && user.enabled() && users.enabledAdmins() <= 1) {
			redirect.addFlashAttribute("errors",
					new FormErrors().add("disable", "You cannot turn off the last administrator"));
			return "redirect:/users/" + path(user);
		}
		users.setEnabled(user.username(), false);
		log.info("Console user {} turned off by {}", user.username(), signedInName());
		redirect.addFlashAttribute("success", user.username() + " has been turned off and signed out. They cannot "
				+ "sign in until an administrator turns their account on again.");
		return "redirect:/users/" + path(user);
	}

	@PostMapping("/users/{username}/enable")
	String enable(@PathVariable String username, RedirectAttributes redirect) {
		ConsoleUser user = find(username);
		users.setEnabled(user.username(), true);
		log.info("Console user {} turned on by {}", user.username(), signedInName());
		redirect.addFlashAttribute("success", user.username() + " has been turned on and can sign in again.");
		return "redirect:/users/" + path(user);
	}

	private static String path(ConsoleUser user) {
		return UriUtils.encodePathSegment(user.username(), StandardCharsets.UTF_8);
	}

	private ConsoleUser find(String username) {
		return users.find(username).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
	}

	private static Optional<Role> parseRole(String role) {
		if (role == null) {
			return Optional.empty();
		}
		try {
			return Optional.of(Role.valueOf(role));
		}
		catch (IllegalArgumentException e) {
			return Optional.empty();
		}
	}

	private static String signedInName() {
		return ConsoleLayout.signedIn().map(ConsoleLayout.CurrentUser::username).orElse(null);
	}
}
