package org.covenantvoices.campaign;

import java.time.Instant;

/** A campaign as it stands. */
public record Campaign(long id, String name, CampaignStatus status, CampaignDraft draft, String createdBy,
		Instant createdAt, String confirmedBy, Instant confirmedAt, Instant startedAt, Instant finishedAt) {
}
