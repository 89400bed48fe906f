package org.covenantvoices.console.web;

import java.security.Principal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.covenantvoices.record.Event;
import org.covenantvoices.record.EventClosure;
import org.covenantvoices.record.EventDetails;
import org.covenantvoices.record.Events;
import org.covenantvoices.record.NotFound;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Formal events and their join codes. Everyone signed in can read them; organisers and admins change them. */
@RestController
class EventsApi {

	private final Events events;

	EventsApi(Events events) {
		this.events = events;
	}

	@GetMapping("/api/events")
	Map<String, List<Event>> list() {
		return Map.of("items", events.list());
	}

	@GetMapping("/api/events/{code}")
	Event one(@PathVariable String code) {
		return events.find(code).orElseThrow(() -> new NotFound("There is no event with the code " + code));
	}

	@PostMapping("/api/events")
	@ResponseStatus(HttpStatus.CREATED)
	Event create(@RequestBody(required = false) EventRequest request, Principal user) {
		return events.create(required(request).details(), user.getName());
	}

	@PatchMapping("/api/events/{code}")
	Event edit(@PathVariable String code, @RequestBody(required = false) EventRequest request, Principal user) {
		return events.edit(code, required(request).details(), user.getName());
	}

	@PostMapping("/api/events/{code}/close")
	Event close(@PathVariable String code, @RequestBody(required = false) CloseRequest request, Principal user) {
		if (request == null) {
			throw new BadRequest("Send a JSON body like {\"outcomeSummary\": \"...\", \"attendeeCount\": 24, "
					+ "\"organisationsAttended\": [\"NCVO\"]}");
		}
		return events.close(code,
				new EventClosure(request.outcomeSummary(), request.attendeeCount(), request.organisationsAttended()),
				user.getName());
	}

	@PostMapping("/api/events/{code}/reopen")
	Event reopen(@PathVariable String code, Principal user) {
		return events.reopen(code, user.getName());
	}

	private static EventRequest required(EventRequest request) {
		if (request == null) {
			throw new BadRequest("Send a JSON body like {\"kind\": \"roundtable\", \"title\": \"...\", "
					+ "\"date\": \"2026-11-28\", \"hostOrganisation\": \"NCVO\", \"nation\": \"wales\", "
					+ "\"place\": \"Cardiff\"}");
		}
		return request;
	}

	record EventRequest(String kind, String title, String date, String hostOrganisation, String nation,
			String place) {

		EventDetails details() {
			LocalDate day = null;
			if (date != null && !date.isBlank()) {
				try {
					day = LocalDate.parse(date.strip());
				}
				catch (java.time.format.DateTimeParseException e) {
					throw new BadRequest("date must be a day like 2026-11-28");
				}
			}
			return new EventDetails(kind, title, day, hostOrganisation, nation, place);
		}
	}

	record CloseRequest(String outcomeSummary, Integer attendeeCount, List<String> organisationsAttended) {
	}
}
