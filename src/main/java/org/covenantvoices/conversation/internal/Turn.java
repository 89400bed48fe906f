package org.covenantvoices.conversation.internal;

import java.util.ArrayList;
import java.util.List;

/** The outcome of one inbound message: the new session, the replies and the effects. */
final class Turn {

	final Session session;

	final List<Reply> replies = new ArrayList<>();

	final List<Effect> effects = new ArrayList<>();

	/** The participant asked to be forgotten: drop the session instead of saving it. */
	boolean erase;

	Turn(Session session) {
		this.session = session;
	}

	void reply(String text) {
		replies.add(new Reply(text, false, List.of()));
	}

	/** A question with options a channel may show as buttons. */
	void ask(String text, List<org.covenantvoices.conversation.ReplyOption> options) {
		replies.add(new Reply(text, false, options));
	}

	/** Sent even to someone who has just opted out: the one STOP confirmation. */
	void notice(String text) {
		replies.add(new Reply(text, true, List.of()));
	}

	void effect(Effect effect) {
		effects.add(effect);
	}

	record Reply(String text, boolean notice, List<org.covenantvoices.conversation.ReplyOption> options) {
	}
}
