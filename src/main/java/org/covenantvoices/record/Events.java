package org.covenantvoices.record;

import java.util.List;
import java.util.Optional;

/**
 * Formal events and their join codes. Changes are written to the audit log in the same transaction.
 */
public interface Events {

	/** Creates an event with a new, unique join code. */
	Event create(EventDetails details, String by);

	Event edit(String joinCode, EventDetails changes, String by);

	/** Closes an event: its join code stops working, and the outcome is kept. */
	Event close(String joinCode, EventClosure closure, String by);

	/** Opens a closed event again, for one closed by mistake. */
	Event reopen(String joinCode, String by);

	Optional<Event> find(String joinCode);

	/** Newest first. */
	List<Event> list();

	/**
	 * The event whose join code a participant's message is, open or closed. Case, spaces, dashes and a leading
	 * {@code JOIN} or {@code /start} do not matter. Cheap for messages that cannot be a code: no database query.
	 */
	Optional<Event> recognise(String message);
}
