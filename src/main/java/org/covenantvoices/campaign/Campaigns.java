package org.covenantvoices.campaign;

import java.util.List;
import java.util.Optional;

/**
 * Reminder campaigns. Creating, confirming, pausing, resuming and cancelling are in the audit log with who did it.
 * Problems with a request throw {@link org.covenantvoices.record.InvalidRequest}; an unknown campaign
 * {@link org.covenantvoices.record.NotFound}.
 */
public interface Campaigns {

	/** What the draft would send, to whom, and at what cost; nothing is saved. */
	CampaignPreview preview(CampaignDraft draft);

	/** Saves a draft; invitation numbers are registered (encrypted) with their consent basis. */
	Campaign create(CampaignDraft draft, String actor);

	List<Campaign> list();

	Optional<Campaign> find(long id);

	/** The preview of a saved campaign, with the exact count of whom it would reach if confirmed now. */
	CampaignPreview dryRun(long id);

	/** Chooses the recipients (one row each) and schedules the campaign. */
	Campaign confirm(long id, String actor);

	Campaign pause(long id, String actor);

	Campaign resume(long id, String actor);

	/** Nothing more is sent: messages still waiting in the outbox are withdrawn. */
	Campaign cancel(long id, String actor);

	CampaignResults results(long id);
}
