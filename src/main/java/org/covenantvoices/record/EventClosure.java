package org.covenantvoices.record;

import java.util.List;

/** How an event went, recorded when it closes (after Decidim's "close meeting"). */
public record EventClosure(String outcomeSummary, Integer attendeeCount, List<String> organisationsAttended) {
}
