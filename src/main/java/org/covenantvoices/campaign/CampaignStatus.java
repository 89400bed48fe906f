package org.covenantvoices.campaign;

public enum CampaignStatus {

	/** Created; nobody is chosen yet. */
	DRAFT,
	/** Confirmed, recipients chosen, waiting for its start time. */
	SCHEDULED,
	/** Sending (or waiting for the sending window). */
	RUNNING,
	PAUSED,
	/** Stopped for good: nothing more is sent. */
	CANCELLED,
	/** Every recipient was dealt with. */
	FINISHED;

	public String dbValue() {
		return name().toLowerCase();
	}

	public static CampaignStatus fromDb(String value) {
		return valueOf(value.toUpperCase());
	}
}
