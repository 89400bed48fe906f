package org.covenantvoices.record.internal;

import java.sql.Array;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.covenantvoices.audit.AuditLog;
import org.covenantvoices.record.Event;
import org.covenantvoices.record.EventClosure;
import org.covenantvoices.record.EventDetails;
import org.covenantvoices.record.EventKind;
import org.covenantvoices.record.Events;
import org.covenantvoices.record.InvalidRequest;
import org.covenantvoices.record.NotFound;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
class JdbcEvents implements Events {

	static final Set<String> NATIONS = Set.of("england", "scotland", "wales", "northern_ireland", "uk");

	private static final String COLUMNS = "join_code, kind, title, event_date, host_organisation, nation, place, "
			+ "status, outcome_summary, attendee_count, organisations_attended, closed_at, created_by, created_at, "
			+ "updated_at";

	private final JdbcClient jdbc;

	private final AuditLog audit;

	JdbcEvents(JdbcClient jdbc, AuditLog audit) {
		this.jdbc = jdbc;
		this.audit = audit;
	}

	/** Event codes in the record and the API are in capitals, whatever case people type. */
	static String canonical(String code) {
		return code.strip().toUpperCase(Locale.ROOT);
	}

	@Override
	@Transactional
	public Event create(EventDetails d, String by) {
		Valid v = validate(d, true);
		for (int attempt = 0; attempt < 10; attempt++) {
			String code = JoinCodes.next();
			Optional<Event> event = jdbc.sql("INSERT INTO events (join_code, kind, title, event_date, "
					+ "host_organisation, nation, place, created_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?) "
					+ "ON CONFLICT (join_code) DO NOTHING RETURNING " + COLUMNS)
				.params(code, v.kind, v.title, Date.valueOf(v.date), v.host, v.nation, v.place, by)
				.query(JdbcEvents::map)
				.optional();
			// Empty where another event has this code: draw again. With 887 million codes that is rare.
			if (event.isPresent()) {
				audit.record(by, "event.created", code, describe(event.get()));
				return event.get();
			}
		}
		throw new IllegalStateException("could not find a free join code");
	}

	@Override
	@Transactional
	public Event edit(String joinCode, EventDetails changes, String by) {
		Event before = find(joinCode).orElseThrow(() -> new NotFound("There is no event with the code " + joinCode));
		Valid v = validate(changes, false);
		Event after = jdbc.sql("UPDATE events SET kind = coalesce(?, kind), title = coalesce(?, title), "
				+ "event_date = coalesce(?, event_date), host_organisation = coalesce(?, host_organisation), "
				+ "nation = coalesce(?, nation), place = coalesce(?, place), updated_at = now() "
				+ "WHERE join_code = ? RETURNING " + COLUMNS)
			.params(v.kind, v.title, v.date == null ? null : Date.valueOf(v.date), v.host, v.nation, v.place,
					before.joinCode())
			.query(JdbcEvents::map)
			.single();
		Map<String, Object> changed = new LinkedHashMap<>();
		Map<String, Object> old = describe(before);
		describe(after).forEach((key, value) -> {
			if (!java.util.Objects.equals(old.get(key), value)) {
				changed.put(key, Map.of("from", String.valueOf(old.get(key)), "to", String.valueOf(value)));
			}
		});
		audit.record(by, "event.edited", after.joinCode(), changed);
		return after;
	}

	@Override
	@Transactional
	public Event close(String joinCode, EventClosure closure, String by) {
		Event event = find(joinCode).orElseThrow(() -> new NotFound("There is no event with the code " + joinCode));
		if (!event.open()) {
			throw new InvalidRequest("Event " + event.joinCode() + " is already closed");
		}
		String summary = trimmed(closure.outcomeSummary(), "outcomeSummary", 20_000);
		if (summary == null) {
			throw new InvalidRequest("outcomeSummary is required: what came out of the event, in a few lines");
		}
		Integer attendees = closure.attendeeCount();
		if (attendees == null || attendees < 0 || attendees > 1_000_000) {
			throw new InvalidRequest("attendeeCount is required: how many people came, from 0 to 1000000");
		}
		List<String> organisations = new ArrayList<>();
		for (String organisation : closure.organisationsAttended() == null ? List.<String>of()
				: closure.organisationsAttended()) {
			String name = trimmed(organisation, "organisationsAttended", 300);
			if (name != null && !organisations.contains(name)) {
				organisations.add(name);
			}
		}
		if (organisations.size() > 2000) {
			throw new InvalidRequest("organisationsAttended can list at most 2000 organisations");
		}
		Event closed = jdbc.sql("UPDATE events SET status = 'closed', outcome_summary = ?, attendee_count = ?, "
				+ "organisations_attended = ?::text[], closed_at = now(), updated_at = now() WHERE join_code = ? "
				+ "RETURNING " + COLUMNS)
			.params(summary, attendees, organisations.toArray(String[]::new), event.joinCode())
			.query(JdbcEvents::map)
			.single();
		audit.record(by, "event.closed", closed.joinCode(),
				Map.of("attendeeCount", attendees, "organisationsAttended", organisations.size()));
		return closed;
	}

	@Override
	@Transactional
	public Event reopen(String joinCode, String by) {
		Event event = find(joinCode).orElseThrow(() -> new NotFound("There is no event with the code " + joinCode));
		if (event.open()) {
			throw new InvalidRequest("Event " + event.joinCode() + " is already open");
		}
		Event opened = jdbc.sql("UPDATE events SET status = 'open', closed_at = NULL, updated_at = now() "
				+ "WHERE join_code = ? RETURNING " + COLUMNS)
			.param(event.joinCode())
			.query(JdbcEvents::map)
			.single();
		audit.record(by, "event.reopened", opened.joinCode(), Map.of());
		return opened;
	}

	@Override
	public Optional<Event> find(String joinCode) {
		if (joinCode == null || joinCode.isBlank()) {
			return Optional.empty();
		}
		return jdbc.sql("SELECT " + COLUMNS + " FROM events WHERE join_code = ?")
			.param(canonical(joinCode))
			.query(JdbcEvents::map)
			.optional();
	}

	@Override
	public List<Event> list() {
		return jdbc.sql("SELECT " + COLUMNS + " FROM events ORDER BY event_date DESC, id DESC")
			.query(JdbcEvents::map)
			.list();
	}

	@Override
	public Optional<Event> recognise(String message) {
		return JoinCodes.candidate(message).flatMap(this::find);
	}

	private Valid validate(EventDetails d, boolean creating) {
		Valid v = new Valid();
		if (d.kind() != null || creating) {
			if (d.kind() == null || d.kind().isBlank()) {
				throw new InvalidRequest("kind is required: roundtable, event, online_session or other");
			}
			v.kind = EventKind.fromCode(d.kind())
				.orElseThrow(() -> new InvalidRequest("kind must be roundtable, event, online_session or other"))
				.code();
		}
		v.title = trimmed(d.title(), "title", 200);
		if (creating && v.title == null) {
			throw new InvalidRequest("title is required, for example \"Leeds community roundtable\"");
		}
		v.date = d.date();
		if (creating && v.date == null) {
			throw new InvalidRequest("date is required, like 2026-11-28");
		}
		if (v.date != null && (v.date.getYear() < 2020 || v.date.getYear() > 2100)) {
			throw new InvalidRequest("date must be a real event date, like 2026-11-28");
		}
		v.host = trimmed(d.hostOrganisation(), "hostOrganisation", 200);
		if (creating && v.host == null) {
			throw new InvalidRequest("hostOrganisation is required: DCMS, NCVO, ACEVO or the body hosting it");
		}
		if (d.nation() != null && !d.nation().isBlank()) {
			String nation = d.nation().strip().toLowerCase(Locale.ROOT).replace(' ', '_');
			if (!NATIONS.contains(nation)) {
				throw new InvalidRequest("nation must be england, scotland, wales, northern_ireland or uk");
			}
			v.nation = nation;
		}
		v.place = trimmed(d.place(), "place", 200);
		return v;
	}

	private static String trimmed(String value, String name, int max) {
		if (value == null || value.isBlank()) {
			return null;
		}
		String t = value.strip();
		if (t.length() > max) {
			throw new InvalidRequest(name + " is too long: at most " + max + " characters");
		}
		if (t.chars().anyMatch(c -> Character.isISOControl(c) && c != '\n' && c != '\t' && c != '\r')) {
			throw new InvalidRequest(name + " has control characters in it");
		}
		return t;
	}

	private static Map<String, Object> describe(Event e) {
		Map<String, Object> d = new LinkedHashMap<>();
		d.put("kind", e.kind());
		d.put("title", e.title());
		d.put("date", e.date().toString());
		d.put("hostOrganisation", e.hostOrganisation());
		d.put("nation", e.nation());
		d.put("place", e.place());
		return d;
	}

	static Event map(ResultSet rs, int row) throws SQLException {
		Array organisations = rs.getArray("organisations_attended");
		return new Event(rs.getString("join_code"), rs.getString("kind"), rs.getString("title"),
				rs.getObject("event_date", LocalDate.class), rs.getString("host_organisation"), rs.getString("nation"),
				rs.getString("place"), rs.getString("status"), rs.getString("outcome_summary"),
				rs.getObject("attendee_count", Integer.class),
				organisations == null ? List.of() : Arrays.asList((String[]) organisations.getArray()),
				JdbcContributions.instant(rs.getTimestamp("closed_at")), rs.getString("created_by"),
				JdbcContributions.instant(rs.getTimestamp("created_at")),
				JdbcContributions.instant(rs.getTimestamp("updated_at")));
	}

	private static final class Valid {

		String kind;

		String title;

		LocalDate date;

		String host;

		String nation;

		String place;
	}
}
