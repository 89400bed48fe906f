package org.covenantvoices.console.web;

import org.covenantvoices.audit.AuditLog;
import org.covenantvoices.audit.AuditPage;
import org.covenantvoices.audit.AuditQuery;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The audit log, newest first, for admins only. */
@RestController
class AuditApi {

	private final AuditLog audit;

	AuditApi(AuditLog audit) {
		this.audit = audit;
	}

	@GetMapping("/api/audit")
	AuditPage list(@RequestParam(required = false) String actor, @RequestParam(required = false) String action,
			@RequestParam(required = false) String subject, @RequestParam(defaultValue = "0") int page,
			@RequestParam(defaultValue = "50") int size) {
		if (page < 0) {
			throw new BadRequest("page must be 0 or more");
		}
		if (size < 1 || size > ContributionsApi.MAX_PAGE_SIZE) {
			throw new BadRequest("size must be from 1 to " + ContributionsApi.MAX_PAGE_SIZE);
		}
		return audit.find(new AuditQuery(Filters.blank(actor) ? null : actor.strip(),
				Filters.blank(action) ? null : action.strip(), Filters.blank(subject) ? null : subject.strip()), page,
				size);
	}
}
