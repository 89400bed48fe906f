package org.covenantvoices.conversation.internal;

import java.time.Duration;

import org.covenantvoices.conversation.ConversationUnavailableException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Picks up stored messages that were never processed: after a crash, a restart, or while Redis was down. Any
 * instance may run it; the participant lock keeps the work single.
 */
@Component
class InboxRecovery {

	private static final Logger log = LoggerFactory.getLogger(InboxRecovery.class);

	private final MessageJournal journal;

	private final ConversationService conversations;

	private final Duration recoverAfter;

	InboxRecovery(MessageJournal journal, ConversationService conversations, ConversationProperties properties) {
		this.journal = journal;
		this.conversations = conversations;
		this.recoverAfter = properties.recoverAfter();
	}

	@Scheduled(initialDelayString = "${covenant.conversation.recovery-interval:5s}",
			fixedDelayString = "${covenant.conversation.recovery-interval:5s}")
	void recover() {
		try {
			for (String participantId : journal.participantsWaiting(recoverAfter, 200)) {
				conversations.process(participantId);
			}
		}
		catch (ConversationUnavailableException e) {
			log.debug("Recovery paused: {}", e.getMessage());
		}
		catch (RuntimeException e) {
			log.warn("Recovery sweep failed: {}", e.toString());
		}
	}
}
