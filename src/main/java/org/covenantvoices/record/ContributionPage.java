package org.covenantvoices.record;

import java.util.List;

/** One page of contributions, in the shape of the record API. */
public record ContributionPage(List<Contribution> items, int page, int size, long total) {
}
