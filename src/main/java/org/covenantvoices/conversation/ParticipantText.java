package org.covenantvoices.conversation;

/**
 * A text a participant may be sent, for checks and reports.
 *
 * @param key the step id, message key or {@code step/option} it comes from
 * @param kind step, explain, message or button
 * @param text with placeholders filled in with typical values ("question 3 of 6")
 */
public record ParticipantText(String language, String scriptVersion, String key, String kind, String text) {
}
