package org.covenantvoices.console.pages;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.covenantvoices.audit.AuditEntry;
import org.covenantvoices.audit.AuditLog;
import org.covenantvoices.audit.AuditPage;
import org.covenantvoices.audit.AuditQuery;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The audit log, for administrators: who did what and when, newest first, filtered by person, kind of action and
 * what it was done to.
 */
@Controller
class AuditLogPage {

	static final int PAGE_SIZE = 50;

	/** Kinds of action to filter by: a prefix ending in a dot takes every action of that kind. */
	static final Map<String, String> ACTIONS = new LinkedHashMap<>();

	static {
		ACTIONS.put("login.", "Sign-ins");
		ACTIONS.put("logout", "Sign-outs");
		ACTIONS.put("event.", "Events");
		ACTIONS.put("import.", "Imports");
		ACTIONS.put("export.", "Exports");
		ACTIONS.put("annotation.", "Labels changed by people");
		ACTIONS.put("safeguarding.", "Safeguarding reviews");
		ACTIONS.put("participant.", "Erasures");
		ACTIONS.put("retention.", "Retention runs");
	}

	private final AuditLog audit;

	private final Labels labels;

	AuditLogPage(AuditLog audit, Labels labels) {
		this.audit = audit;
		this.labels = labels;
	}

	@GetMapping("/audit")
	String log(@RequestParam(required = false) String actor, @RequestParam(required = false) String action,
			@RequestParam(required = false) String subject, @RequestParam(required = false) String page,
			Model model) {
		String who = clean(actor);
		String what = action != null && ACTIONS.containsKey(action) ? action : null;
		String about = clean(subject);
		int pageNumber = 1;
		try {
			pageNumber = page == null || page.isBlank() ? 1 : Math.max(1, Integer.parseInt(page.strip()));
		}
		catch (NumberFormatException e) {
			// a mangled page number shows the first page
		}
		AuditQuery query = new AuditQuery(who, what, about);
		AuditPage found = audit.find(query, pageNumber - 1, PAGE_SIZE);
		int pages = (int) Math.max(1, (found.total() + PAGE_SIZE - 1) / PAGE_SIZE);
		if (pageNumber > pages) {
			pageNumber = pages;
			found = audit.find(query, pageNumber - 1, PAGE_SIZE);
		}
		UriComponentsBuilder base = UriComponentsBuilder.fromPath("/audit");
		if (who != null) {
			base.queryParam("actor", who);
		}
		if (what != null) {
			base.queryParam("action", what);
		}
		if (about != null) {
			base.queryParam("subject", about);
		}
		model.addAttribute("entries", found.items().stream().map(this::row).toList());
		model.addAttribute("total", found.total());
		model.addAttribute("actions", ACTIONS);
		model.addAttribute("actor", who == null ? "" : who);
		model.addAttribute("action", what);
		model.addAttribute("subject", about == null ? "" : about);
		model.addAttribute("pagination", RecordPage.Pagination.of(pageNumber, pages, base.build().encode().toUriString()));
		return "console/audit";
	}

	private Row row(AuditEntry entry) {
		String details = entry.details() == null ? "" : entry.details()
			.entrySet()
			.stream()
			.map(e -> e.getKey() + ": " + e.getValue())
			.collect(Collectors.joining("; "));
		return new Row(entry.id(), labels.dateTime(entry.at()), entry.actor(), entry.action(),
				entry.subject() == null ? "" : entry.subject(), details);
	}

	private static String clean(String value) {
		if (value == null || value.isBlank()) {
			return null;
		}
		String v = value.strip();
		return v.length() > 200 ? v.substring(0, 200) : v;
	}

	public record Row(long id, String at, String actor, String action, String subject, String details) {
	}

	static List<String> actionKeys() {
		return List.copyOf(ACTIONS.keySet());
	}
}
