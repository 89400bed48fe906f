package org.covenantvoices.record.internal;

import org.covenantvoices.record.Redaction;
import org.springframework.stereotype.Component;

@Component
class TextRedaction implements Redaction {

	@Override
	public String redact(String text) {
		return Redactor.redact(text);
	}
}
