package org.covenantvoices.record;

/** A change to the record that cannot be made as asked; the message says why, in plain words. */
public class InvalidRequest extends RuntimeException {

	public InvalidRequest(String reason) {
		super(reason);
	}
}
