package org.covenantvoices.record;

import java.time.LocalDate;

/**
 * What an organiser says about an event when creating or editing it. When editing, null fields stay as they were.
 */
public record EventDetails(String kind, String title, LocalDate date, String hostOrganisation, String nation,
		String place) {
}
