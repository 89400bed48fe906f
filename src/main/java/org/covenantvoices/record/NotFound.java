package org.covenantvoices.record;

/** The event, contribution or annotation asked for does not exist. */
public class NotFound extends RuntimeException {

	public NotFound(String what) {
		super(what);
	}
}
