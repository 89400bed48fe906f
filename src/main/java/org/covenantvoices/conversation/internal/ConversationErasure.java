package org.covenantvoices.conversation.internal;

import org.covenantvoices.participant.ParticipantErased;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;
import redis.clients.jedis.exceptions.JedisException;

/**
 * Whoever asked for the erasure (the person with FORGET, or an admin), the conversation forgets them too: the
 * session and the messages' words go in the erasing transaction, the working copy in Redis once it commits.
 */
@Component
class ConversationErasure {

	private static final Logger log = LoggerFactory.getLogger(ConversationErasure.class);

	private final SessionStore sessions;

	private final MessageJournal journal;

	ConversationErasure(SessionStore sessions, MessageJournal journal) {
		this.sessions = sessions;
		this.journal = journal;
	}

	@EventListener
	void erase(ParticipantErased event) {
		sessions.deleteDurable(event.participantId());
		journal.blankMessages(event.participantId());
	}

	@TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT)
	void evict(ParticipantErased event) {
		try {
			sessions.evict(event.participantId());
		}
		catch (JedisException e) {
			// The session holds no contact details and is keyed by a pseudonym nobody can reach again; it expires.
			log.warn("Could not remove an erased participant's session from Redis: {}", e.toString());
		}
	}
}
