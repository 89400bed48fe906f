package org.covenantvoices.console.pages;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import org.covenantvoices.record.Event;
import org.covenantvoices.record.EventClosure;
import org.covenantvoices.record.EventDetails;
import org.covenantvoices.record.EventKind;
import org.covenantvoices.record.Events;
import org.covenantvoices.record.InvalidRequest;
import org.covenantvoices.record.NotFound;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Events: list them, create one and get its join code, edit it, close it with its outcome (or open it again). Each
 * event's page says how people join on each channel, with a QR code drawn on the server. Every change goes through
 * the record's Events, which writes it to the audit log.
 */
@Controller
class EventsPage {

	/** Join codes are six letters and digits; anything else cannot be one, so it is a 404 without a query. */
	private static final Pattern JOIN_CODE = Pattern.compile("[A-Za-z0-9]{6}");

	private final Events events;

	private final JoinInstructions join;

	EventsPage(Events events, JoinInstructions join) {
		this.events = events;
		this.join = join;
	}

	@GetMapping("/events")
	String list(Model model) {
		model.addAttribute("events", events.list());
		return "console/events";
	}

	@GetMapping("/events/new")
	String createForm(Model model) {
		return form(model, EventForm.EMPTY, new FormErrors(), null);
	}

	@PostMapping("/events")
	String create(@RequestParam(required = false) String kind, @RequestParam(required = false) String title,
			@RequestParam(name = "date-day", required = false) String day,
			@RequestParam(name = "date-month", required = false) String month,
			@RequestParam(name = "date-year", required = false) String year,
			@RequestParam(required = false) String host, @RequestParam(required = false) String nation,
			@RequestParam(required = false) String place, Model model, RedirectAttributes redirect) {
		EventForm form = new EventForm(kind, title, new DateInput("date", "Date", day, month, year), host, nation,
				place);
		FormErrors errors = new FormErrors();
		EventDetails details = form.read(errors);
		if (!errors.any()) {
			try {
				Event event = events.create(details, signedInName());
				redirect.addFlashAttribute("success", "Event created. Its join code is " + event.joinCode() + ".");
				return "redirect:/events/" + event.joinCode();
			}
			catch (InvalidRequest e) {
				errors.add(fieldOf(e.getMessage()), sentence(e.getMessage()));
			}
		}
		return form(model, form, errors, null);
	}

	@GetMapping("/events/{code}")
	String event(@PathVariable String code, Model model) {
		Event event = find(code);
		model.addAttribute("event", event);
		model.addAttribute("join", join.forEvent(event));
		return "console/event";
	}

	/** The QR code for the event's join link, as an SVG image. */
	@GetMapping("/events/{code}/qr.svg")
	ResponseEntity<String> qr(@PathVariable String code) {
		JoinInstructions.Instructions instructions = join.forEvent(find(code));
		return ResponseEntity.ok()
			.contentType(MediaType.valueOf("image/svg+xml"))
			.cacheControl(CacheControl.noStore())
			.header("Content-Disposition", "inline; filename=\"join-" + instructions.joinCode() + ".svg\"")
			.body(QrCodes.svg(instructions.qrContents(), instructions.qrDescription()));
	}

	@GetMapping("/events/{code}/edit")
	String editForm(@PathVariable String code, Model model) {
		Event event = find(code);
		return form(model, EventForm.of(event), new FormErrors(), event);
	}

	@PostMapping("/events/{code}")
	String edit(@PathVariable String code, @RequestParam(required = false) String kind,
			@RequestParam(required = false) String title,
			@RequestParam(name = "date-day", required = false) String day,
			@RequestParam(name = "date-month", required = false) String month,
			@RequestParam(name = "date-year", required = false) String year,
			@RequestParam(required = false) String host, @RequestParam(required = false) String nation,
			@RequestParam(required = false) String place, Model model, RedirectAttributes redirect) {
		Event event = find(code);
		EventForm form = new EventForm(kind, title, new DateInput("date", "Date", day, month, year), host, nation,
				place);
		FormErrors errors = new FormErrors();
		EventDetails details = form.read(errors);
		if (!errors.any()) {
			try {
				events.edit(event.joinCode(), details, signedInName());
				redirect.addFlashAttribute("success", "Your changes to the event have been saved.");
				return "redirect:/events/" + event.joinCode();
			}
			catch (InvalidRequest e) {
				errors.add(fieldOf(e.getMessage()), sentence(e.getMessage()));
			}
		}
		return form(model, form, errors, event);
	}

	@GetMapping("/events/{code}/close")
	String closeForm(@PathVariable String code, Model model) {
		Event event = find(code);
		if (!event.open()) {
			return "redirect:/events/" + event.joinCode();
		}
		model.addAttribute("event", event);
		model.addAttribute("errors", new FormErrors());
		model.addAttribute("outcome", "");
		model.addAttribute("attendees", "");
		model.addAttribute("organisations", "");
		return "console/event-close";
	}

	@PostMapping("/events/{code}/close")
	String close(@PathVariable String code, @RequestParam(required = false) String outcome,
			@RequestParam(required = false) String attendees, @RequestParam(required = false) String organisations,
			Model model, RedirectAttributes redirect) {
		Event event = find(code);
		FormErrors errors = new FormErrors();
		String summary = outcome == null ? "" : outcome.strip();
		if (summary.isEmpty()) {
			errors.add("outcome", "Enter what came out of the event");
		}
		Integer count = null;
		String attendeesText = attendees == null ? "" : attendees.strip().replace(",", "");
		if (attendeesText.isEmpty()) {
			errors.add("attendees", "Enter how many people came");
		}
		else {
			try {
				count = Integer.parseInt(attendeesText);
				if (count < 0 || count > 1_000_000) {
					errors.add("attendees", "Number of people must be between 0 and 1,000,000");
				}
			}
			catch (NumberFormatException e) {
				errors.add("attendees", "Number of people must be a whole number, like 24");
			}
		}
		List<String> organisationList = organisations == null ? List.of()
				: Arrays.stream(organisations.split("\\R")).map(String::strip).filter(s -> !s.isEmpty()).toList();
		if (!errors.any()) {
			try {
				events.close(event.joinCode(), new EventClosure(summary, count, organisationList), signedInName());
				redirect.addFlashAttribute("success", "The event has been closed. Its join code no longer works.");
				return "redirect:/events/" + event.joinCode();
			}
			catch (InvalidRequest e) {
				errors.add("outcome", sentence(e.getMessage()));
			}
		}
		model.addAttribute("event", event);
		model.addAttribute("errors", errors);
		model.addAttribute("outcome", outcome == null ? "" : outcome);
		model.addAttribute("attendees", attendees == null ? "" : attendees);
		model.addAttribute("organisations", organisations == null ? "" : organisations);
		return "console/event-close";
	}

	@PostMapping("/events/{code}/reopen")
	String reopen(@PathVariable String code, RedirectAttributes redirect) {
		Event event = find(code);
		try {
			events.reopen(event.joinCode(), signedInName());
			redirect.addFlashAttribute("success", "The event is open again. Its join code works again.");
		}
		catch (InvalidRequest e) {
			redirect.addFlashAttribute("success", "The event was already open.");
		}
		return "redirect:/events/" + event.joinCode();
	}

	private String form(Model model, EventForm form, FormErrors errors, Event editing) {
		model.addAttribute("form", form);
		model.addAttribute("errors", errors);
		model.addAttribute("editing", editing);
		model.addAttribute("kinds", EventKind.values());
		return "console/event-form";
	}

	private Event find(String code) {
		if (code == null || !JOIN_CODE.matcher(code).matches()) {
			throw new ResponseStatusException(HttpStatus.NOT_FOUND);
		}
		try {
			return events.find(code.toUpperCase(Locale.ROOT))
				.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
		}
		catch (NotFound e) {
			throw new ResponseStatusException(HttpStatus.NOT_FOUND);
		}
	}

	/** The record words its reasons for the API ("title is required"); the form links them to the right box. */
	private static String fieldOf(String reason) {
		String r = reason == null ? "" : reason;
		if (r.startsWith("kind")) {
			return "kind";
		}
		if (r.startsWith("date")) {
			return "date-day";
		}
		if (r.startsWith("hostOrganisation")) {
			return "host";
		}
		if (r.startsWith("nation")) {
			return "nation";
		}
		if (r.startsWith("place")) {
			return "place";
		}
		return "title";
	}

	private static String sentence(String reason) {
		if (reason == null || reason.isEmpty()) {
			return "Check the event's details";
		}
		String r = reason.replace("hostOrganisation", "Host organisation").replace("outcomeSummary", "Outcome");
		return Character.toUpperCase(r.charAt(0)) + r.substring(1);
	}

	static String signedInName() {
		return ConsoleLayout.signedIn().map(ConsoleLayout.CurrentUser::username).orElse(null);
	}

	/** What the form holds, as typed, so a form with errors shows it again. */
	public record EventForm(String kind, String title, DateInput date, String host, String nation, String place) {

		static final EventForm EMPTY = new EventForm(null, "", new DateInput("date", "Date", "", "", ""), "", null,
				"");

		static EventForm of(Event event) {
			LocalDate d = event.date();
			return new EventForm(event.kind(), event.title(),
					new DateInput("date", "Date", d == null ? "" : String.valueOf(d.getDayOfMonth()),
							d == null ? "" : String.valueOf(d.getMonthValue()),
							d == null ? "" : String.valueOf(d.getYear())),
					nullToEmpty(event.hostOrganisation()), event.nation(), nullToEmpty(event.place()));
		}

		EventDetails read(FormErrors errors) {
			if (kind == null || EventKind.fromCode(kind).isEmpty()) {
				errors.add("kind", "Select what kind of event it is");
			}
			if (title == null || title.isBlank()) {
				errors.add("title", "Enter the event's name");
			}
			else if (title.strip().length() > 200) {
				errors.add("title", "Name must be 200 characters or fewer");
			}
			LocalDate day = date.read(errors);
			if (day == null && !date.name().isEmpty() && date.error() == null) {
				date.reject(errors, "Enter the date of the event");
			}
			if (host == null || host.isBlank()) {
				errors.add("host", "Enter the organisation hosting the event");
			}
			boolean nationKnown = nation != null && List.of("england", "scotland", "wales", "northern_ireland", "uk")
				.contains(nation);
			if (!nationKnown) {
				errors.add("nation", "Select the nation the event is in, or UK-wide");
			}
			return new EventDetails(kind, title == null ? null : title.strip(), day,
					host == null ? null : host.strip(), nation, place == null || place.isBlank() ? null : place.strip());
		}

		private static String nullToEmpty(String s) {
			return s == null ? "" : s;
		}
	}
}
