package org.covenantvoices.conversation.internal;

/** A conversation script that cannot be used, with where and why, so an organiser can fix it. */
public class ScriptException extends RuntimeException {

	private final String file;

	private final int line;

	private final String reason;

	ScriptException(String file, int line, String reason) {
		super(file + (line > 0 ? ", line " + line : "") + ": " + reason);
		this.file = file;
		this.line = line;
		this.reason = reason;
	}

	public String file() {
		return file;
	}

	public int line() {
		return line;
	}

	public String reason() {
		return reason;
	}
}
