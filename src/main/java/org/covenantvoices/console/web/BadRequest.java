package org.covenantvoices.console.web;

/** A request we understood but cannot serve; the message says why, in plain words. */
class BadRequest extends RuntimeException {

	BadRequest(String reason) {
		super(reason);
	}
}
