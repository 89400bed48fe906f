package org.covenantvoices.console.pages;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A form's errors, in the order of its fields: listed in the GOV.UK error summary, each linking to its field, and
 * shown again by the field itself.
 */
public final class FormErrors implements Serializable {

	private final Map<String, String> byField = new LinkedHashMap<>();

	/** Keeps the first error for a field: the one to fix first. */
	public FormErrors add(String field, String message) {
		byField.putIfAbsent(field, message);
		return this;
	}

	public boolean any() {
		return !byField.isEmpty();
	}

	public boolean has(String field) {
		return byField.containsKey(field);
	}

	public String get(String field) {
		return byField.get(field);
	}

	public List<Error> all() {
		List<Error> errors = new ArrayList<>();
		byField.forEach((field, message) -> errors.add(new Error(field, message)));
		return errors;
	}

	/** @param field the id of the input to link to */
	public record Error(String field, String message) implements Serializable {
	}
}
