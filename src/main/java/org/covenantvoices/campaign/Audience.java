package org.covenantvoices.campaign;

import java.util.List;

/**
 * Who a campaign is for. The groups (started-not-finished, updates opt-in, invitation list) are combined; the filters
 * then narrow the result. People who are stopped, erased or capped are never included.
 *
 * @param startedNotFinished people idle for at least {@code idleDays} days who have not finished
 * @param atStep only those stuck at this step of the script (e.g. {@code q3}), or null
 * @param updatesOptIn everyone who opted in to updates
 * @param invitations uploaded numbers, each with its consent basis
 * @param includeCompleted people who completed the conversation are included too (off by default)
 */
public record Audience(boolean startedNotFinished, Integer idleDays, String atStep, boolean updatesOptIn,
		List<Invitation> invitations, String eventCode, String nation, String organisationType, List<String> channels,
		List<String> languages, boolean includeCompleted) {

	public Audience {
		invitations = invitations == null ? List.of() : List.copyOf(invitations);
		channels = channels == null ? List.of() : List.copyOf(channels);
		languages = languages == null ? List.of() : List.copyOf(languages);
	}

	public int idleDaysOrZero() {
		return idleDays == null ? 0 : idleDays;
	}
}
