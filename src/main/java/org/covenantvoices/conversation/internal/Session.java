package org.covenantvoices.conversation.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Where one participant is in the conversation. Kept in Redis, with a durable copy in PostgreSQL. Short JSON names
 * keep a session to a few hundred bytes, because there may be hundreds of thousands of them.
 */
@JsonInclude(JsonInclude.Include.NON_DEFAULT)
final class Session {

	/** How many steps BACK can go. */
	static final int HISTORY_LIMIT = 40;

	@JsonProperty("l")
	String language;

	@JsonProperty("v")
	String version;

	@JsonProperty("s")
	String step;

	@JsonProperty("h")
	List<String> history = new ArrayList<>();

	/** answering_as, group_size, organisation_type, nation, area */
	@JsonProperty("p")
	Map<String, String> profile = new HashMap<>();

	/** Quick answers per question, carried into the open answer that follows (Q1: yes, then why). */
	@JsonProperty("c")
	Map<String, String> choices = new HashMap<>();

	@JsonProperty("x")
	boolean stopped;

	@JsonProperty("f")
	boolean finished;

	@JsonProperty("g")
	boolean awaitingForget;

	@JsonProperty("k")
	boolean consented;

	/** Bumped on every change; the durable copy only accepts the next number, so no update is lost. */
	@JsonProperty("n")
	long seq;

	@JsonProperty("t")
	long lastSeen;

	@JsonProperty("b")
	long started;

	@JsonProperty("e")
	String eventCode;

	/** Questions already followed up once: a follow-up is never repeated. */
	@JsonProperty("q")
	Set<String> probed = new HashSet<>();

	/** The question whose vague answer was just followed up, and that answer, to join with the next message. */
	@JsonProperty("r")
	String probing;

	@JsonProperty("u")
	String probeText;

	/** After a safeguarding reply, the next message gets the question again rather than counting as an answer. */
	@JsonProperty("o")
	boolean held;

	static Session start(String language, String version, long now) {
		Session s = new Session();
		s.language = language;
		s.version = version;
		s.started = now;
		s.lastSeen = now;
		return s;
	}

	Session copy() {
		Session s = new Session();
		s.language = language;
		s.version = version;
		s.step = step;
		s.history = new ArrayList<>(history);
		s.profile = new HashMap<>(profile);
		s.choices = new HashMap<>(choices);
		s.stopped = stopped;
		s.finished = finished;
		s.awaitingForget = awaitingForget;
		s.consented = consented;
		s.seq = seq;
		s.lastSeen = lastSeen;
		s.started = started;
		s.eventCode = eventCode;
		s.probed = new HashSet<>(probed);
		s.probing = probing;
		s.probeText = probeText;
		s.held = held;
		return s;
	}

	void remember(String stepId) {
		history.add(stepId);
		if (history.size() > HISTORY_LIMIT) {
			history.remove(0);
		}
	}
}
