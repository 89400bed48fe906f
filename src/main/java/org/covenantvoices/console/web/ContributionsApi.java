package org.covenantvoices.console.web;

import org.covenantvoices.record.Contribution;
import org.covenantvoices.record.ContributionPage;
import org.covenantvoices.record.Contributions;
import org.covenantvoices.record.NotFound;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The record for analysts: pseudonymous, paged and filterable. Exports are in {@link ExportsApi}. */
@RestController
class ContributionsApi {

	static final int MAX_PAGE_SIZE = 500;

	private final Contributions contributions;

	ContributionsApi(Contributions contributions) {
		this.contributions = contributions;
	}

	@GetMapping("/api/contributions")
	ContributionPage list(RecordQuery query, @RequestParam(defaultValue = "0") int page,
			@RequestParam(defaultValue = "50") int size) {
		if (page < 0) {
			throw new BadRequest("page must be 0 or more");
		}
		if (size < 1 || size > MAX_PAGE_SIZE) {
			throw new BadRequest("size must be from 1 to " + MAX_PAGE_SIZE);
		}
		return contributions.find(query.filter(), page, size);
	}

	@GetMapping("/api/contributions/{id}")
	Contribution one(@PathVariable long id) {
		return contributions.find(id).orElseThrow(() -> new NotFound("There is no contribution " + id));
	}
}
