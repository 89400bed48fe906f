package org.covenantvoices.campaign;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.util.Map;

/**
 * What an organiser asks for.
 *
 * @param messages per language (en, cy): the template, with fields {answered}, {questions} and {remaining}
 * @param startAt when to start; null for as soon as it is confirmed
 * @param spread spread the sends over this much open sending time; null or zero for as fast as the channel allows
 * @param sendFrom start of the daily sending window; null for the configured default (09:00)
 * @param sendUntil end of the daily sending window; null for the configured default (20:00)
 */
public record CampaignDraft(String name, Audience audience, Map<String, String> messages, Instant startAt,
		Duration spread, LocalTime sendFrom, LocalTime sendUntil) {
}
