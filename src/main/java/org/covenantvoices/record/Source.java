package org.covenantvoices.record;

import java.util.Arrays;
import java.util.Optional;

/** Where a contribution came from: its provenance in the record. */
public enum Source {

	SMS, WHATSAPP, TELEGRAM, SIMULATOR, ROUNDTABLE_NOTE, EVENT_MINUTES, ONLINE_FORM, OTHER;

	public String code() {
		return name().toLowerCase();
	}

	public static Optional<Source> fromCode(String code) {
		return Arrays.stream(values()).filter(s -> s.code().equalsIgnoreCase(code.trim())).findFirst();
	}
}
