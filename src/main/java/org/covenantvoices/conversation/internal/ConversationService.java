package org.covenantvoices.conversation.internal;

import java.util.List;
import java.util.Optional;

import org.covenantvoices.conversation.ConversationUnavailableException;
import org.covenantvoices.conversation.Conversations;
import org.covenantvoices.conversation.InboundMessage;
import org.covenantvoices.conversation.Receipt;
import org.covenantvoices.conversation.Reply;
import org.covenantvoices.participant.Consent;
import org.covenantvoices.participant.Participant;
import org.covenantvoices.participant.ParticipantStatus;
import org.covenantvoices.participant.Participants;
import org.covenantvoices.platform.Commits;
import org.covenantvoices.record.AnsweringAs;
import org.covenantvoices.record.Contribution;
import org.covenantvoices.record.Contributions;
import org.covenantvoices.record.Event;
import org.covenantvoices.record.Events;
import org.covenantvoices.record.NewContribution;
import org.covenantvoices.record.QuestionId;
import org.covenantvoices.record.Source;
import org.covenantvoices.understanding.SafeguardingConcern;
import org.covenantvoices.understanding.Understanding;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import redis.clients.jedis.exceptions.JedisException;

@Service
class ConversationService implements Conversations {

	private static final Logger log = LoggerFactory.getLogger(ConversationService.class);

	/** After this many failed attempts a message stops blocking the person's later ones (it stays stored). */
	private static final int GIVE_UP_AFTER = 5;

	private final Participants participants;

	private final Contributions contributions;

	private final MessageJournal journal;

	private final SessionStore sessions;

	private final ParticipantLock lock;

	private final Engine engine;

	private final Scripts scripts;

	private final TransactionTemplate tx;

	private final ConversationProperties properties;

	private final Understanding understanding;

	private final Events events;

	private final JdbcClient jdbc;

	ConversationService(Participants participants, Contributions contributions, MessageJournal journal,
			SessionStore sessions, ParticipantLock lock, Engine engine, Scripts scripts, TransactionTemplate tx,
			ConversationProperties properties, Understanding understanding, Events events, JdbcClient jdbc) {
		this.jdbc = jdbc;
		this.understanding = understanding;
		this.events = events;
		this.participants = participants;
		this.contributions = contributions;
		this.journal = journal;
		this.sessions = sessions;
		this.lock = lock;
		this.engine = engine;
		this.scripts = scripts;
		this.tx = tx;
		this.properties = properties;
	}

	@Override
	public Receipt receive(InboundMessage message) {
		return tx.execute(status -> {
			Participant participant = participants.identify(message.channel(), message.address());
			Optional<Long> id = journal.store(message.channel(), message.providerMessageId(), participant.id(),
					Text.clean(message.text()), message.receivedAt());
			if (id.isPresent()) {
				return new Receipt(id.get(), participant.id(), false);
			}
			MessageJournal.Stored stored = journal.find(message.channel(), message.providerMessageId()).orElseThrow();
			return new Receipt(stored.id(), stored.participantId(), true);
		});
	}

	@Override
	public List<Reply> processAndClaimReplies(Receipt receipt) {
		process(receipt.participantId());
		try {
			List<Reply> replies = journal.claimReplies(receipt.participantId(), receipt.messageId());
			completeErasureIfDone(receipt.participantId());
			return replies;
		}
		catch (DataAccessException e) {
			throw new ConversationUnavailableException("the database is not answering", e);
		}
	}

	@Override
	public void process(String participantId) {
		String token;
		try {
			token = lock.acquire(participantId, properties.lockWait())
				.orElseThrow(() -> new ConversationUnavailableException(
						"an earlier message from this person is still being handled", null));
		}
		catch (JedisException e) {
			throw new ConversationUnavailableException("Redis is not answering", e);
		}
		try {
			drain(participantId);
		}
		catch (JedisException e) {
			throw new ConversationUnavailableException("Redis is not answering", e);
		}
		catch (DataAccessException e) {
			throw new ConversationUnavailableException("the database is not answering", e);
		}
		finally {
			try {
				lock.release(participantId, token);
			}
			catch (JedisException e) {
				log.warn("Could not release the lock for a participant; its lease will run out", e);
			}
		}
	}

	@Override
	public boolean withdraw(Receipt receipt) {
		return journal.withdraw(receipt.messageId());
	}

	@Override
	public List<Waiting> backlog(int limit) {
		try {
			return journal.backlog(limit);
		}
		catch (DataAccessException e) {
			throw new ConversationUnavailableException("the database is not answering", e);
		}
	}

	/** Call only while holding the participant's lock. */
	void drain(String participantId) {
		List<MessageJournal.Pending> batch;
		do {
			batch = journal.pending(participantId, 50);
			for (MessageJournal.Pending message : batch) {
				try {
					handle(message);
				}
				catch (JedisException | DataAccessException e) {
					throw e; // a dependency is down: leave the message for later
				}
				catch (RuntimeException e) {
					log.error("Message {} could not be processed", message.id(), e);
					journal.recordFailure(message.id(), e.toString(), GIVE_UP_AFTER);
					return;
				}
			}
		}
		while (batch.size() == 50);
	}

	private void handle(MessageJournal.Pending message) {
		String participantId = message.participantId();
		Participant participant = participants.find(participantId).orElseThrow();
		if (participant.status() == ParticipantStatus.ERASED) {
			journal.markProcessed(message.id());
			return;
		}
		Session current = sessions.load(participantId).orElse(null);
		Event joined = events.recognise(message.body()).orElse(null);
		for (int attempt = 0; attempt < 3; attempt++) {
			Turn turn = engine.handle(current, participant, message.body(), message.receivedAt(), joined);
			Outcome outcome = tx.execute(status -> {
				// Relaxed: the message itself is stored durably, so a turn lost in a database crash is worked out
				// again; its replies cannot be handed to a provider before a later waiting commit makes it durable.
				Commits.relaxed(jdbc);
				// An admin may erase the person while this turn was being worked out: whoever locks first wins,
				// and an erased person's turn is dropped rather than written back.
				if (!participants.lockUnlessErased(participantId)) {
					journal.markProcessed(message.id());
					return Outcome.ERASED;
				}
				if (!journal.markProcessed(message.id())) {
					return Outcome.SAVED; // done meanwhile by someone whose lock lease outlived ours
				}
				if (!turn.erase && !sessions.saveDurable(participantId, turn.session)) {
					status.setRollbackOnly();
					return Outcome.STALE;
				}
				apply(turn, message);
				journal.queue(participantId, message.channel(), message.id(), turn.replies);
				return Outcome.SAVED;
			});
			if (outcome == Outcome.ERASED || outcome == Outcome.SAVED && turn.erase) {
				sessions.evict(participantId);
				return;
			}
			if (outcome == Outcome.SAVED) {
				sessions.cache(participantId, turn.session);
				return;
			}
			// The working copy in Redis was behind the durable one (a crash between the two writes): catch up.
			current = sessions.loadDurable(participantId).orElse(null);
		}
		throw new IllegalStateException("the session of " + participantId + " keeps changing under us");
	}

	private enum Outcome {
		SAVED, STALE, ERASED
	}

	private void apply(Turn turn, MessageJournal.Pending message) {
		Session session = turn.session;
		String participantId = message.participantId();
		for (Effect effect : turn.effects) {
			if (effect instanceof Effect.ConsentGiven given) {
				participants.recordConsent(consent(message, session, Consent.Purpose.CONSULTATION,
						Consent.Decision.GIVEN, given.wording()));
			}
			else if (effect instanceof Effect.ConsentDeclined declined) {
				participants.recordConsent(consent(message, session, Consent.Purpose.CONSULTATION,
						Consent.Decision.DECLINED, declined.wording()));
			}
			else if (effect instanceof Effect.Answer answer) {
				record(answer, session, message);
			}
			else if (effect instanceof Effect.UpdatesOptIn updates) {
				participants.setUpdatesOptIn(participantId, updates.optIn());
				participants.recordConsent(consent(message, session, Consent.Purpose.UPDATES,
						updates.optIn() ? Consent.Decision.GIVEN : Consent.Decision.DECLINED, updates.wording()));
			}
			else if (effect instanceof Effect.Stop) {
				participants.stop(participantId);
			}
			else if (effect instanceof Effect.Restart) {
				participants.restart(participantId);
			}
			else if (effect instanceof Effect.LanguageChosen chosen) {
				participants.chooseLanguage(participantId, chosen.language());
			}
			else if (effect instanceof Effect.Safeguarding concern) {
				understanding.flag(new SafeguardingConcern(participantId, message.id(), session.language,
						concern.questionId(), concern.text(), "disclosure", concern.detector()));
			}
			else if (effect instanceof Effect.Forget) {
				participants.recordConsent(consent(message, session, Consent.Purpose.CONSULTATION,
						Consent.Decision.WITHDRAWN,
						scripts.version(session.language, session.version).message("forget_confirm")));
				journal.eraseMessages(participantId, message.id());
				sessions.deleteDurable(participantId);
				participants.erase(participantId);
			}
		}
	}

	private static Consent consent(MessageJournal.Pending message, Session session, Consent.Purpose purpose,
			Consent.Decision decision, String wording) {
		return new Consent(message.participantId(), purpose, decision, message.channel(), session.language,
				session.version, wording);
	}

	private void record(Effect.Answer answer, Session session, MessageJournal.Pending message) {
		if (!session.consented) {
			return; // never keep an answer before the person agreed
		}
		QuestionId question = QuestionId.valueOf(answer.questionId());
		if (answer.text() == null) {
			Optional<Contribution> current = contributions.current(message.participantId(), question);
			if (current.isPresent() && answer.choice().equals(current.get().choice())) {
				return; // the same quick answer again changes nothing
			}
		}
		String groupSize = session.profile.get("group_size");
		AnsweringAs answeringAs = new AnsweringAs(session.profile.get("answering_as"),
				groupSize == null ? null : Integer.valueOf(groupSize), session.profile.get("organisation_type"));
		String updates = session.profile.get("updates_opt_in");
		contributions.add(new NewContribution(message.participantId(),
				Source.fromCode(message.channel()).orElse(Source.OTHER), question, answer.choice(), answer.text(),
				session.language, answeringAs, session.profile.get("nation"), session.profile.get("area"),
				session.eventCode, session.version, answer.stepId(), message.id(), message.receivedAt(),
				// The script does not ask about publication; the updates question is the only consent to contact.
				null, updates == null ? null : "yes".equals(updates)));
	}

	/** Once the FORGET confirmation has left, the contact address and the last messages go too. */
	void completeErasureIfDone(String participantId) {
		participants.find(participantId)
			.filter(p -> p.status() == ParticipantStatus.ERASED)
			.filter(p -> !journal.hasQueued(participantId))
			.ifPresent(p -> tx.executeWithoutResult(status -> {
				journal.deleteSent(participantId);
				participants.completeErasure(participantId);
			}));
	}
}
