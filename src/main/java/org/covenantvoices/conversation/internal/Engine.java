package org.covenantvoices.conversation.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.covenantvoices.conversation.ReplyOption;
import org.covenantvoices.participant.Participant;
import org.covenantvoices.understanding.Assessment;
import org.covenantvoices.understanding.QuestionContext;
import org.covenantvoices.understanding.Understanding;
import org.covenantvoices.record.Event;
import org.springframework.stereotype.Component;

/**
 * Decides what one message means and what to say back. It only computes: the caller stores the new session and
 * applies the effects in one transaction.
 */
@Component
class Engine {

	private final Scripts scripts;

	private final Understanding understanding;

	private final Duration sessionExpiry;

	private final Duration welcomeBackAfter;

	Engine(Scripts scripts, Understanding understanding, ConversationProperties properties) {
		this.scripts = scripts;
		this.understanding = understanding;
		this.sessionExpiry = properties.sessionExpiry();
		this.welcomeBackAfter = properties.welcomeBackAfter();
	}

	/**
	 * @param current the session, or null for someone we have not talked to (or whose session expired)
	 */
	Turn handle(Session current, Participant participant, String rawText, Instant now) {
		return handle(current, participant, rawText, now, null);
	}

	/**
	 * @param current the session, or null for someone we have not talked to (or whose session expired)
	 * @param joined the event whose join code the message is, or null where it is not one
	 */
	Turn handle(Session current, Participant participant, String rawText, Instant now, Event joined) {
		long nowSeconds = now.getEpochSecond();
		boolean fresh = current == null || current.step == null
				|| nowSeconds - current.lastSeen > sessionExpiry.toSeconds();
		Session session;
		if (fresh) {
			String language = participant.language() != null ? participant.language() : scripts.defaultLanguage();
			session = Session.start(language, scripts.current(language).version(), nowSeconds);
			session.stopped = participant.stopped();
			// The durable copy only accepts the next number, even for a conversation that starts again.
			session.seq = current == null ? 0 : current.seq;
		}
		else {
			session = current.copy();
			// A provider can report an opt-out (for example Twilio's 21610) without a word to the engine.
			if (participant.stopped()) {
				session.stopped = true;
			}
		}
		boolean longGap = !fresh && nowSeconds - session.lastSeen > welcomeBackAfter.toSeconds();
		session.lastSeen = nowSeconds;
		session.seq++;
		Turn turn = new Turn(session);

		String text = Text.clean(rawText);
		String word = Words.normalise(text);
		Optional<Command> command = scripts.command(word);
		if (command.isEmpty() && !text.isEmpty() && text.chars().allMatch(c -> c == '?')) {
			command = Optional.of(Command.EXPLAIN);
		}
		Command cmd = command.orElse(null);

		if (session.stopped) {
			if (cmd == Command.START) {
				session.stopped = false;
				turn.effect(new Effect.Restart());
				ConversationScript script = script(session);
				if (fresh) {
					begin(turn, script);
				}
				else {
					turn.reply(script.message("restarted"));
					prompt(turn, script, currentStep(session, script));
				}
			}
			// Otherwise silence: STOP means stop.
			return turn;
		}
		if (cmd == Command.STOP) {
			session.stopped = true;
			session.awaitingForget = false;
			turn.effect(new Effect.Stop());
			turn.notice(script(session).message("stopped"));
			return turn;
		}
		if (session.awaitingForget) {
			session.awaitingForget = false;
			ConversationScript script = script(session);
			if (script.isYes(word) || cmd == Command.FORGET) {
				turn.effect(new Effect.Forget());
				turn.erase = true;
				turn.notice(script.message("forgotten"));
			}
			else {
				turn.reply(script.message("forget_cancelled"));
				prompt(turn, script, currentStep(session, script));
			}
			return turn;
		}
		if (cmd == Command.LANGUAGE) {
			String language = scripts.languageFor(word).orElse(session.language);
			session.language = language;
			session.version = scripts.current(language).version();
			turn.effect(new Effect.LanguageChosen(language));
			// Someone who switches before agreeing has only seen the welcome in the other language: show it again.
			carryOn(turn, script(session), fresh || !session.consented);
			return turn;
		}
		if (cmd == null && joined != null) {
			join(turn, script(session), joined, fresh);
			return turn;
		}
		ConversationScript script = script(session);
		if (fresh) {
			if (cmd == Command.FORGET) {
				// Nothing kept yet, but say so plainly.
				turn.notice(script.message("forgotten"));
				turn.erase = true;
				turn.effect(new Effect.Forget());
				return turn;
			}
			if (cmd == Command.HELP) {
				turn.reply(script.message("help"));
			}
			begin(turn, script);
			return turn;
		}
		Step step = currentStep(session, script);
		if (cmd != null) {
			switch (cmd) {
				case HELP -> turn.reply(script.message("help"));
				case REPEAT -> prompt(turn, script, step);
				case EXPLAIN -> explain(turn, script, step);
				case FORGET -> {
					session.awaitingForget = true;
					turn.reply(script.message("forget_confirm"));
				}
				case BACK -> {
					session.probing = null;
					back(turn, script);
				}
				case SKIP -> {
					if (session.finished) {
						turn.reply(script.message("finished"));
					}
					else if (!step.skippable()) {
						turn.reply(script.message("cannot_skip"));
						prompt(turn, script, step);
					}
					else {
						session.probing = null;
						advance(turn, script, step, null);
					}
				}
				case START, RESUME -> welcomeBack(turn, script, step);
				default -> throw new IllegalStateException("unhandled command " + cmd);
			}
			return turn;
		}
		if (session.finished) {
			turn.reply(script.message("finished"));
			return turn;
		}
		if (text.isEmpty()) {
			turn.reply(script.message("empty"));
			return turn;
		}
		if (session.held) {
			resumeAfterSupport(turn, script, step, text);
			return turn;
		}
		answer(turn, script, step, text, word, longGap);
		return turn;
	}

	/** The message after a safeguarding reply: another disclosure is signposted again; anything else resumes. */
	private void resumeAfterSupport(Turn turn, ConversationScript script, Step step, String text) {
		Session session = turn.session;
		Assessment assessment = understanding.assess(text, session.language);
		if (assessment.needsSignposting()) {
			turn.effect(new Effect.Safeguarding(text, assessment.safeguarding(), step.question()));
			turn.reply(script.message("safeguarding"));
			return;
		}
		session.held = false;
		turn.reply(script.message("support_resume"));
		land(turn, script, step);
	}

	/**
	 * Reads an answer that is not a command and not an option: a disclosure gets signposting at once, abuse a calm
	 * word, confusion a simpler wording. True where the message was one of those and has been dealt with.
	 */
	private boolean handledAsSignal(Turn turn, ConversationScript script, Step step, String text,
			Assessment assessment) {
		Session session = turn.session;
		if (assessment.needsSignposting()) {
			turn.effect(new Effect.Safeguarding(text, assessment.safeguarding(), step.question()));
			if (step.type() == StepType.ANSWER) {
				// Kept like any answer (and flagged), so nothing the person said is lost.
				turn.effect(new Effect.Answer(step.question(), session.choices.get(step.question()), joined(session, text),
						step.id()));
				session.probing = null;
				session.remember(step.id());
				session.step = script.next(step).id();
			}
			session.held = true;
			turn.reply(script.message("safeguarding"));
			return true;
		}
		if (assessment.abusive()) {
			turn.reply(script.message("kind_reminder"));
			prompt(turn, script, step);
			return true;
		}
		if (assessment.confused()) {
			explain(turn, script, step);
			return true;
		}
		return false;
	}

	private void explain(Turn turn, ConversationScript script, Step step) {
		String scripted = step.explain() != null ? fill(step.explain(), script, step) : null;
		java.util.Optional<String> generated = step.asksSomething()
				? understanding.explain(context(script, step, scripted)) : java.util.Optional.empty();
		turn.reply(generated.orElse(scripted != null ? scripted : script.message("no_explain")));
	}

	private static QuestionContext context(ConversationScript script, Step step, String simpler) {
		return new QuestionContext(script.script() + ":" + script.language() + ":" + script.version() + ":" + step.id(),
				script.language(), step.question(), fill(step.text(), script, step), simpler);
	}

	/** The vague answer that was followed up, joined with what the person added. */
	private static String joined(Session session, String text) {
		return session.probing != null && session.probeText != null ? session.probeText + "\n" + text : text;
	}

	/**
	 * A join code starts the conversation, or carries it on where it was; from now on the person's answers are
	 * tagged with the event. A closed event's code is explained rather than taken as an answer.
	 */
	private void join(Turn turn, ConversationScript script, Event event, boolean fresh) {
		Session session = turn.session;
		if (event.open()) {
			session.eventCode = event.joinCode();
			turn.reply(script.message("joined").replace("{code}", event.joinCode()));
		}
		else {
			turn.reply(script.message("join_closed").replace("{code}", event.joinCode()));
		}
		carryOn(turn, script, fresh);
	}

	/** After a message that is not an answer: start, say we are done, or ask the current step again. */
	private void carryOn(Turn turn, ConversationScript script, boolean fresh) {
		Session session = turn.session;
		if (fresh) {
			begin(turn, script);
		}
		else if (session.finished) {
			turn.reply(script.message("finished"));
		}
		else {
			prompt(turn, script, currentStep(session, script));
		}
	}

	private void answer(Turn turn, ConversationScript script, Step step, String text, String word, boolean longGap) {
		Session session = turn.session;
		switch (step.type()) {
			case CONSENT -> {
				if (script.isYes(word)) {
					session.consented = true;
					turn.effect(new Effect.ConsentGiven(step.text()));
					advance(turn, script, step, null);
				}
				else if (script.isNo(word)) {
					turn.effect(new Effect.ConsentDeclined(step.text()));
					turn.reply(script.message("declined"));
				}
				else if (handledAsSignal(turn, script, step, text, understanding.assess(text, session.language))) {
					return;
				}
				else if (longGap) {
					welcomeBack(turn, script, step);
				}
				else {
					prompt(turn, script, step);
				}
			}
			case CHOICE -> {
				Optional<Step.Option> option = step.match(word);
				if (option.isEmpty()) {
					if (handledAsSignal(turn, script, step, text, understanding.assess(text, session.language))) {
						return;
					}
					if (longGap) {
						welcomeBack(turn, script, step);
					}
					else {
						turn.reply(script.message("not_understood"));
						prompt(turn, script, step);
					}
					return;
				}
				String value = option.get().value();
				if (step.save() != null) {
					save(turn, step, value);
				}
				if (step.question() != null) {
					session.choices.put(step.question(), value);
					turn.effect(new Effect.Answer(step.question(), value, null, step.id()));
				}
				advance(turn, script, step, option.get().next());
			}
			case NUMBER -> {
				Integer number = parseNumber(word);
				if (number == null
						&& handledAsSignal(turn, script, step, text, understanding.assess(text, session.language))) {
					return;
				}
				if (number == null || number < step.min() || number > step.max()) {
					turn.reply(fill(script.message("not_a_number"), script, step));
					return;
				}
				session.profile.put(step.save(), number.toString());
				advance(turn, script, step, null);
			}
			case TEXT -> {
				if (handledAsSignal(turn, script, step, text, understanding.assess(text, session.language))) {
					return;
				}
				session.profile.put(step.save(), text.length() > 100 ? text.substring(0, 100) : text);
				advance(turn, script, step, null);
			}
			case ANSWER -> {
				// "OK" days later is someone picking the thread back up, not their view on the question.
				if (longGap && script.isYes(word)) {
					welcomeBack(turn, script, step);
					return;
				}
				if (step.noneWords().contains(word) && session.probing == null) {
					advance(turn, script, step, null);
					return;
				}
				Assessment assessment = understanding.assess(text, session.language);
				if (handledAsSignal(turn, script, step, text, assessment)) {
					return;
				}
				String answer = joined(session, text);
				turn.effect(new Effect.Answer(step.question(), session.choices.get(step.question()), answer, step.id()));
				boolean followUp = assessment.vague() && session.probing == null && !assessment.injection()
						&& !"OTHER".equals(step.question()) && session.probed.add(step.question());
				session.probing = null;
				if (followUp) {
					// One gentle follow-up, never repeated; SKIP moves on and keeps what they said.
					session.probing = step.question();
					session.probeText = text;
					turn.reply(understanding.probe(context(script, step, null), text)
						.orElse(script.message("probe")));
					return;
				}
				session.probeText = null;
				advance(turn, script, step, null);
			}
			case INFO, END -> prompt(turn, script, step);
		}
	}

	private void save(Turn turn, Step step, String value) {
		Session session = turn.session;
		if ("updates_opt_in".equals(step.save())) {
			turn.effect(new Effect.UpdatesOptIn("yes".equals(value), step.text()));
		}
		session.profile.put(step.save(), value);
		if ("answering_as".equals(step.save())) {
			// A group size or organisation type only holds for the kind of answer it was given with.
			if (!"group".equals(value)) {
				session.profile.remove("group_size");
			}
			if (!"organisation".equals(value)) {
				session.profile.remove("organisation_type");
			}
		}
	}

	private static Integer parseNumber(String word) {
		String digits = word.split(" ", 2)[0];
		if (digits.isEmpty() || digits.length() > 9 || !digits.chars().allMatch(Character::isDigit)) {
			return null;
		}
		return Integer.valueOf(digits);
	}

	/** The first message ever, or after an expired session: the welcome and consent. */
	private void begin(Turn turn, ConversationScript script) {
		Session session = turn.session;
		session.step = null;
		session.history.clear();
		session.finished = false;
		land(turn, script, script.first());
	}

	private void advance(Turn turn, ConversationScript script, Step from, String optionNext) {
		Session session = turn.session;
		// Consent is not an answer to go BACK and change; withdrawing it is what FORGET is for.
		if (from.type() != StepType.CONSENT) {
			session.remember(from.id());
		}
		Step next = optionNext != null ? script.step(optionNext).orElseThrow() : script.next(from);
		land(turn, script, next);
	}

	/** Sends a step, and any info steps, until one that waits for a reply. */
	private void land(Turn turn, ConversationScript script, Step step) {
		Session session = turn.session;
		Step current = step;
		for (int guard = 0; guard < 100; guard++) {
			ask(turn, script, current);
			session.step = current.id();
			if (current.type() == StepType.END) {
				session.finished = true;
				return;
			}
			if (current.type() != StepType.INFO) {
				return;
			}
			current = script.next(current);
		}
		throw new IllegalStateException("script " + script.source() + " loops through info steps");
	}

	private void back(Turn turn, ConversationScript script) {
		Session session = turn.session;
		if (session.history.isEmpty()) {
			turn.reply(script.message("no_back"));
			prompt(turn, script, currentStep(session, script));
			return;
		}
		String previous = session.history.remove(session.history.size() - 1);
		session.finished = false;
		session.step = previous;
		prompt(turn, script, currentStep(session, script));
	}

	private void welcomeBack(Turn turn, ConversationScript script, Step step) {
		if (turn.session.finished) {
			turn.reply(script.message("finished"));
			return;
		}
		int number = script.questionNumber(step);
		turn.reply(number > 0 ? fill(script.message("welcome_back"), script, step)
				: script.message("welcome_back_about"));
		prompt(turn, script, step);
	}

	private void prompt(Turn turn, ConversationScript script, Step step) {
		if (step.type() == StepType.END) {
			turn.reply(script.message("finished"));
			return;
		}
		ask(turn, script, step);
	}

	/** Sends a step's text, with its options for channels that show buttons. */
	private static void ask(Turn turn, ConversationScript script, Step step) {
		String text = fill(step.text(), script, step);
		if (step.type() == StepType.CHOICE) {
			turn.ask(text, step.options()
				.stream()
				.map(o -> new ReplyOption(o.label(), o.words().get(0)))
				.toList());
		}
		else if (step.type() == StepType.CONSENT) {
			turn.ask(text, List.of(new ReplyOption(label(script.yesWord()), script.yesWord()),
					new ReplyOption(label(script.noWord()), script.noWord())));
		}
		else {
			turn.reply(text);
		}
	}

	private static String label(String word) {
		return word.charAt(0) + word.substring(1).toLowerCase(java.util.Locale.ROOT);
	}

	private static Step currentStep(Session session, ConversationScript script) {
		return script.step(session.step).orElseGet(script::first);
	}

	private ConversationScript script(Session session) {
		return scripts.version(session.language, session.version);
	}

	private static String fill(String text, ConversationScript script, Step step) {
		if (text.indexOf('{') < 0) {
			return text;
		}
		return text.replace("{number}", String.valueOf(Math.max(1, script.questionNumber(step))))
			.replace("{total}", String.valueOf(script.totalQuestions()))
			.replace("{min}", String.valueOf(step.min()))
			.replace("{max}", String.valueOf(step.max()));
	}
}
