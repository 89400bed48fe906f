package org.covenantvoices.campaign.internal;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;

/**
 * The daily window in which campaign messages may go (quiet hours are the rest of the day), in one time zone, so
 * clock changes are handled as people live them.
 */
record SendingHours(LocalTime from, LocalTime until, ZoneId zone) {

	SendingHours {
		if (!from.isBefore(until)) {
			throw new IllegalArgumentException("The sending window must start before it ends, within one day");
		}
	}

	boolean isOpen(Instant at) {
		LocalTime time = at.atZone(zone).toLocalTime();
		return !time.isBefore(from) && time.isBefore(until);
	}

	/** How much open sending time lies between two instants: what spreading counts. */
	Duration openBetween(Instant start, Instant end) {
		if (!end.isAfter(start)) {
			return Duration.ZERO;
		}
		Duration open = Duration.ZERO;
		LocalDate last = end.atZone(zone).toLocalDate();
		for (LocalDate day = start.atZone(zone).toLocalDate(); !day.isAfter(last); day = day.plusDays(1)) {
			Instant opens = day.atTime(from).atZone(zone).toInstant();
			Instant closes = day.atTime(until).atZone(zone).toInstant();
			Instant a = opens.isAfter(start) ? opens : start;
			Instant b = closes.isBefore(end) ? closes : end;
			if (b.isAfter(a)) {
				open = open.plus(Duration.between(a, b));
			}
		}
		return open;
	}

	/** When the window next opens at or after this instant. */
	Instant nextOpening(Instant at) {
		if (isOpen(at)) {
			return at;
		}
		LocalDate day = at.atZone(zone).toLocalDate();
		Instant today = day.atTime(from).atZone(zone).toInstant();
		return today.isAfter(at) ? today : day.plusDays(1).atTime(from).atZone(zone).toInstant();
	}
}
