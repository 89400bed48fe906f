package org.covenantvoices.console.pages;

import org.covenantvoices.record.Redaction;
import org.covenantvoices.understanding.SafeguardingFlag;
import org.covenantvoices.understanding.SafeguardingReviews;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The safeguarding review queue, reached from the record browser: messages the service flagged as a possible
 * disclosure of risk of harm (it already replied with signposting), oldest first, for an organiser to look at and
 * mark reviewed with what they did. Each review is written to the audit log.
 */
@Controller
class SafeguardingPage {

	static final int SHOWN = 100;

	private final SafeguardingReviews reviews;

	private final Redaction redaction;

	private final Labels labels;

	SafeguardingPage(SafeguardingReviews reviews, Redaction redaction, Labels labels) {
		this.reviews = reviews;
		this.redaction = redaction;
		this.labels = labels;
	}

	@GetMapping("/safeguarding")
	String queue(Model model) {
		model.addAttribute("waiting", reviews.waiting(SHOWN).stream().map(this::row).toList());
		model.addAttribute("waitingCount", reviews.waitingCount());
		model.addAttribute("reviewed", reviews.reviewed(20).stream().map(this::row).toList());
		if (!model.containsAttribute("errors")) {
			model.addAttribute("errors", new FormErrors());
		}
		return "console/safeguarding";
	}

	@PostMapping("/safeguarding/{id}/reviewed")
	String markReviewed(@PathVariable String id, @RequestParam(required = false) String note,
			RedirectAttributes redirect) {
		long flagId;
		try {
			flagId = Long.parseLong(id);
		}
		catch (NumberFormatException e) {
			throw new ResponseStatusException(HttpStatus.NOT_FOUND);
		}
		SafeguardingFlag flag = reviews.find(flagId).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
		String what = note == null ? "" : note.strip();
		if (what.isEmpty()) {
			redirect.addFlashAttribute("errors",
					new FormErrors().add("note-" + flag.id(), "Enter what you did about this message"));
			return "redirect:/safeguarding#flag-" + flag.id();
		}
		if (what.length() > 2000) {
			redirect.addFlashAttribute("errors",
					new FormErrors().add("note-" + flag.id(), "What you did must be 2,000 characters or fewer"));
			return "redirect:/safeguarding#flag-" + flag.id();
		}
		boolean first = reviews.markReviewed(flag.id(), what, EventsPage.signedInName());
		redirect.addFlashAttribute("success", first ? "The message has been marked as reviewed."
				: "Someone else reviewed this message first. Their review is kept.");
		return "redirect:/safeguarding";
	}

	private Row row(SafeguardingFlag flag) {
		return new Row(flag.id(), labels.dateTime(flag.createdAt()),
				flag.questionId() == null ? "Before the questions" : labels.question(flag.questionId()),
				category(flag.category()), flag.detector(), redaction.redact(flag.text()), flag.language(),
				flag.participantId() == null ? "Forgotten at their request" : flag.participantId(),
				labels.dateTime(flag.reviewedAt()), flag.reviewedBy(), flag.reviewNote());
	}

	private static String category(String category) {
		return switch (category == null ? "" : category) {
			case "self_harm" -> "Self-harm";
			case "abuse" -> "Abuse";
			case "danger" -> "Danger";
			case "crisis" -> "Crisis";
			default -> "Possible risk of harm";
		};
	}

	public record Row(long id, String received, String question, String category, String detector, String text,
			String language, String participant, String reviewedAt, String reviewedBy, String reviewNote) {
	}
}
