package org.covenantvoices.console.pages;

import java.util.List;
import java.util.Set;

import org.covenantvoices.console.Role;

/**
 * The console's sections, in the order the navigation shows them, each with the roles that may open it (the same
 * roles SecurityConfiguration requires). A new page adds one line here.
 */
public final class Navigation {

	static final List<Section> SECTIONS = List.of(
			new Section("Dashboard", "/dashboard", Set.of(Role.values())),
			new Section("Record", "/record", Set.of(Role.values())),
			new Section("Events", "/events", Set.of(Role.values())),
			new Section("Imports", "/imports", Set.of(Role.ADMIN, Role.ORGANISER)),
			new Section("Exports", "/exports", Set.of(Role.values())),
			new Section("Themes", "/themes", Set.of(Role.values())),
			new Section("Simulator", "/simulator", Set.of(Role.ADMIN, Role.ORGANISER)),
			new Section("Campaigns", "/campaigns", Set.of(Role.ADMIN, Role.ORGANISER)),
			new Section("Conversation script", "/script", Set.of(Role.values())),
			new Section("Users", "/users", Set.of(Role.ADMIN)),
			new Section("Audit log", "/audit", Set.of(Role.ADMIN)));

	private Navigation() {
	}

	public record Section(String label, String path, Set<Role> roles) {
	}

	/**
	 * @param current the link is to the section the page is in
	 */
	public record Item(String label, String href, boolean current) {
	}

	static List<Item> itemsFor(Role role, String requestPath) {
		return SECTIONS.stream()
			.filter(section -> section.roles().contains(role))
			.map(section -> new Item(section.label(), section.path(),
					requestPath.equals(section.path()) || requestPath.startsWith(section.path() + "/")))
			.toList();
	}
}
