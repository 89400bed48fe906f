package org.covenantvoices.record;

import java.util.Arrays;
import java.util.Optional;

/** What kind of formal event gathered the views. */
public enum EventKind {

	ROUNDTABLE, EVENT, ONLINE_SESSION, OTHER;

	public String code() {
		return name().toLowerCase();
	}

	public static Optional<EventKind> fromCode(String code) {
		return Arrays.stream(values())
			.filter(k -> k.code().equalsIgnoreCase(code.trim().replace(' ', '_').replace('-', '_')))
			.findFirst();
	}
}
