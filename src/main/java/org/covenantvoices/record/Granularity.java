package org.covenantvoices.record;

import java.util.Arrays;
import java.util.Optional;

/** Whose voice a contribution carries: one person, a group of N, or an event's note for N people. */
public enum Granularity {

	PERSON, GROUP, EVENT_NOTE;

	public String code() {
		return name().toLowerCase();
	}

	public static Optional<Granularity> fromCode(String code) {
		return Arrays.stream(values()).filter(g -> g.code().equalsIgnoreCase(code.trim())).findFirst();
	}
}
