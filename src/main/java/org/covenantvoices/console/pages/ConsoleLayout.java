package org.covenantvoices.console.pages;

import java.util.List;
import java.util.Optional;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import org.covenantvoices.console.Role;
import org.springframework.boot.webmvc.autoconfigure.error.BasicErrorController;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** What the GOV.UK layout needs on every console page, error pages included: who is signed in, and where they can go. */
@ControllerAdvice(basePackageClasses = ConsoleLayout.class, assignableTypes = BasicErrorController.class)
class ConsoleLayout {

	/** The signed-in user, or null on pages for everyone. */
	@ModelAttribute("currentUser")
	CurrentUser currentUser() {
		return signedIn().orElse(null);
	}

	/** The path asked for (on an error page, the one that failed). */
	@ModelAttribute("requestPath")
	String requestPath(HttpServletRequest request) {
		Object errorPath = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
		return errorPath != null ? errorPath.toString() : request.getRequestURI();
	}

	@ModelAttribute("navigation")
	List<Navigation.Item> navigation(HttpServletRequest request) {
		String path = requestPath(request);
		return signedIn().map(user -> Navigation.itemsFor(user.role(), path)).orElse(List.of());
	}

	static Optional<CurrentUser> signedIn() {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication == null || !authentication.isAuthenticated()
				|| authentication instanceof AnonymousAuthenticationToken) {
			return Optional.empty();
		}
		return authentication.getAuthorities()
			.stream()
			.map(a -> a.getAuthority())
			.filter(a -> a.startsWith("ROLE_"))
			.map(a -> Role.valueOf(a.substring(5)))
			.findFirst()
			.map(role -> new CurrentUser(authentication.getName(), role));
	}

	public record CurrentUser(String username, Role role) {

		public boolean admin() {
			return role == Role.ADMIN;
		}
	}
}
