package org.covenantvoices.record;

/**
 * Whom an answer speaks for.
 *
 * @param kind individual, group or organisation; null where the person skipped the question
 * @param groupSize how many people a group answer speaks for
 * @param organisationType charity, community_group, social_enterprise, faith_group, trade_union, public_body, other
 */
public record AnsweringAs(String kind, Integer groupSize, String organisationType) {

	public static final AnsweringAs UNKNOWN = new AnsweringAs(null, null, null);

	public int representedCount() {
		return "group".equals(kind) && groupSize != null && groupSize > 0 ? groupSize : 1;
	}
}
