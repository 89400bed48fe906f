package org.covenantvoices.record.internal;

import org.covenantvoices.participant.ParticipantErased;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** Runs inside the erasing transaction: the answers stay, but only as anonymous, redacted text. */
@Component
class ErasureListener {

	private final JdbcContributions contributions;

	ErasureListener(JdbcContributions contributions) {
		this.contributions = contributions;
	}

	@EventListener
	void on(ParticipantErased event) {
		contributions.anonymise(event.participantId());
	}
}
