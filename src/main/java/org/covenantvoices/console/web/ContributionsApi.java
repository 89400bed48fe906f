package org.covenantvoices.console.web;

import org.covenantvoices.record.Contribution;
import org.covenantvoices.record.ContributionPage;
import org.covenantvoices.record.Contributions;
import org.covenantvoices.record.NotFound;
import org.springframework.security.core.Authentication;
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
			@RequestParam(defaultValue = "50") int size, Authentication user) {
		if (page < 0) {
			throw new BadRequest("page must be 0 or more");
		}
		if (size < 1 || size > MAX_PAGE_SIZE) {
			throw new BadRequest("size must be from 1 to " + MAX_PAGE_SIZE);
		}
		ContributionPage found = contributions.find(query.filter(), page, size);
		if (seesOriginalText(user)) {
			return found;
		}
		return new ContributionPage(found.items().stream().map(contributions::redacted).toList(), found.page(),
				found.size(), found.total());
	}

	@GetMapping("/api/contributions/{id}")
	Contribution one(@PathVariable long id, Authentication user) {
		Contribution contribution = contributions.find(id)
			.orElseThrow(() -> new NotFound("There is no contribution " + id));
		return seesOriginalText(user) ? contribution : contributions.redacted(contribution);
	}

	/** What people wrote, word for word, is for admins only (safeguarding, erasure); everyone else reads it redacted. */
	private static boolean seesOriginalText(Authentication user) {
		return user != null && user.getAuthorities().stream().anyMatch(a -> a.getAuthority().equals("ROLE_ADMIN"));
	}
}
