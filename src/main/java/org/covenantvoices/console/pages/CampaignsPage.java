package org.covenantvoices.console.pages;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.covenantvoices.campaign.Audience;
import org.covenantvoices.campaign.Campaign;
import org.covenantvoices.campaign.CampaignDraft;
import org.covenantvoices.campaign.CampaignPreview;
import org.covenantvoices.campaign.Campaigns;
import org.covenantvoices.campaign.Invitation;
import org.covenantvoices.record.InvalidRequest;
import org.covenantvoices.record.NotFound;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Reminder campaigns in the console: the list, a form whose Preview button shows (drawn on the server, so it works
 * without JavaScript) each language's text, encoding, segments, recipients per channel and the estimated cost, then a
 * page per campaign with its dry run, confirmation, progress and pause, resume and cancel.
 */
@Controller
class CampaignsPage {

	private static final ZoneId LONDON = ZoneId.of("Europe/London");

	/** Counts each message's segments as it is typed; the Preview button does the same without JavaScript. */
	private static final String FORM_SCRIPT = "/assets/console/campaign-form.mjs";

	private final Campaigns campaigns;

	private final BigDecimal segmentPrice;

	CampaignsPage(Campaigns campaigns, @Value("${covenant.campaigns.segment-price:0.04}") BigDecimal segmentPrice) {
		this.campaigns = campaigns;
		this.segmentPrice = segmentPrice;
	}

	@GetMapping("/campaigns")
	String list(Model model) {
		model.addAttribute("campaigns", campaigns.list());
		return "console/campaigns";
	}

	@GetMapping("/campaigns/new")
	String form(Model model) {
		model.addAttribute("form", CampaignForm.empty());
		model.addAttribute("errors", new FormErrors());
		model.addAttribute("pageScript", FORM_SCRIPT);
		return "console/campaign-new";
	}

	/** Preview (the default button) draws the form again with its preview; Save creates a draft. */
	@PostMapping("/campaigns/new")
	String previewOrSave(@ModelAttribute("form") CampaignForm form,
			@RequestParam(name = "action", defaultValue = "preview") String action,
			@RequestParam(name = "invitationFile", required = false) MultipartFile invitationFile, Principal user,
			Model model) throws IOException {
		model.addAttribute("pageScript", FORM_SCRIPT);
		FormErrors errors = new FormErrors();
		if (invitationFile != null && !invitationFile.isEmpty()) {
			// The file's rows go into the box below it, so Preview then Save keeps them without a second upload.
			String csv = new String(invitationFile.getBytes(), StandardCharsets.UTF_8);
			form = form.withInvitationList(csv.startsWith("\uFEFF") ? csv.substring(1) : csv);
			model.addAttribute("form", form);
		}
		CampaignDraft draft = form.draft(errors);
		model.addAttribute("errors", errors);
		if (errors.any()) {
			return "console/campaign-new";
		}
		if ("save".equals(action)) {
			try {
				Campaign campaign = campaigns.create(draft, user.getName());
				return "redirect:/campaigns/" + campaign.id();
			}
			catch (InvalidRequest e) {
				errors.add("name", e.getMessage());
				return "console/campaign-new";
			}
		}
		CampaignPreview preview = campaigns.preview(draft);
		model.addAttribute("preview", preview);
		model.addAttribute("cost", cost(preview));
		return "console/campaign-new";
	}

	@GetMapping("/campaigns/{id}")
	String campaign(@PathVariable long id, Model model) {
		Campaign campaign = campaigns.find(id).orElseThrow(() -> new NotFound("There is no campaign " + id));
		model.addAttribute("campaign", campaign);
		model.addAttribute("results", campaigns.results(id));
		return "console/campaign";
	}

	@PostMapping("/campaigns/{id}/dry-run")
	String dryRun(@PathVariable long id, Model model) {
		CampaignPreview preview = campaigns.dryRun(id);
		model.addAttribute("preview", preview);
		model.addAttribute("cost", cost(preview));
		return campaign(id, model);
	}

	@PostMapping("/campaigns/{id}/confirm")
	String confirm(@PathVariable long id, Principal user, RedirectAttributes redirect) {
		return change(id, "confirm", user, redirect);
	}

	@PostMapping("/campaigns/{id}/pause")
	String pause(@PathVariable long id, Principal user, RedirectAttributes redirect) {
		return change(id, "pause", user, redirect);
	}

	@PostMapping("/campaigns/{id}/resume")
	String resume(@PathVariable long id, Principal user, RedirectAttributes redirect) {
		return change(id, "resume", user, redirect);
	}

	@PostMapping("/campaigns/{id}/cancel")
	String cancel(@PathVariable long id, Principal user, RedirectAttributes redirect) {
		return change(id, "cancel", user, redirect);
	}

	private String change(long id, String change, Principal user, RedirectAttributes redirect) {
		try {
			Campaign campaign = switch (change) {
				case "confirm" -> campaigns.confirm(id, user.getName());
				case "pause" -> campaigns.pause(id, user.getName());
				case "resume" -> campaigns.resume(id, user.getName());
				default -> campaigns.cancel(id, user.getName());
			};
			redirect.addFlashAttribute("success", "The campaign is " + campaign.status().dbValue());
		}
		catch (InvalidRequest e) {
			redirect.addFlashAttribute("problem", e.getMessage());
		}
		return "redirect:/campaigns/" + id;
	}

	private String cost(CampaignPreview preview) {
		return "£" + segmentPrice.multiply(BigDecimal.valueOf(preview.estimatedSegments()))
			.setScale(2, RoundingMode.HALF_UP)
			.toPlainString();
	}

	/** The form as typed: everything a string, checked here so each field gets its own message. */
	public record CampaignForm(String name, String startedNotFinished, String idleDays, String atStep, String updatesOptIn,
			String includeCompleted, String eventCode, String nation, String organisationType, List<String> channels,
			List<String> languages, String messageEn, String messageCy, String startAt, String spreadHours,
			String sendFrom, String sendUntil, String invitationList) {

		static CampaignForm empty() {
			return new CampaignForm("", "true", "3", "", null, null, "", "", "", List.of(), List.of(), "", "", "", "",
					"09:00", "20:00", "");
		}

		CampaignForm withInvitationList(String csv) {
			return new CampaignForm(name, startedNotFinished, idleDays, atStep, updatesOptIn, includeCompleted,
					eventCode, nation, organisationType, channels, languages, messageEn, messageCy, startAt, spreadHours,
					sendFrom, sendUntil, csv);
		}

		public boolean checked(String value) {
			return value != null && !value.isBlank() && !"false".equals(value);
		}

		public boolean has(List<String> values, String value) {
			return values != null && values.contains(value);
		}

		CampaignDraft draft(FormErrors errors) {
			if (name == null || name.isBlank()) {
				errors.add("name", "Enter a name for the campaign");
			}
			Integer idle = number(errors, "idleDays", idleDays, "Idle days must be a whole number, like 3");
			Integer spread = number(errors, "spreadHours", spreadHours, "Spread must be a whole number of hours, like 6");
			List<Invitation> invitations = InvitationList.read(invitationList, errors);
			if (!checked(startedNotFinished) && !checked(updatesOptIn)
					&& (invitationList == null || invitationList.isBlank())) {
				errors.add("startedNotFinished", "Choose who the campaign is for, or add an invitation list");
			}
			if (messageEn == null || messageEn.isBlank()) {
				errors.add("messageEn", "Enter the message in English");
			}
			if (messageCy == null || messageCy.isBlank()) {
				errors.add("messageCy", "Enter the message in Welsh");
			}
			java.time.Instant start = null;
			if (startAt != null && !startAt.isBlank()) {
				try {
					start = LocalDateTime.parse(startAt.strip()).atZone(LONDON).toInstant();
				}
				catch (DateTimeParseException e) {
					errors.add("startAt", "Enter the start like 2026-12-01T10:00, or leave it empty to start now");
				}
			}
			LocalTime from = time(errors, "sendFrom", sendFrom);
			LocalTime until = time(errors, "sendUntil", sendUntil);
			Audience audience = new Audience(checked(startedNotFinished), idle, blank(atStep), checked(updatesOptIn),
					invitations, blank(eventCode), blank(nation), blank(organisationType),
					channels == null ? List.of() : channels, languages == null ? List.of() : languages,
					checked(includeCompleted));
			Map<String, String> messages = Map.of("en", messageEn == null ? "" : messageEn, "cy",
					messageCy == null ? "" : messageCy);
			return new CampaignDraft(name == null ? "" : name.strip(), audience, messages, start,
					spread == null ? null : Duration.ofHours(spread), from, until);
		}

		private static String blank(String value) {
			return value == null || value.isBlank() ? null : value.strip();
		}

		private static Integer number(FormErrors errors, String field, String value, String message) {
			if (value == null || value.isBlank()) {
				return null;
			}
			try {
				int n = Integer.parseInt(value.strip());
				if (n < 0) {
					errors.add(field, message);
					return null;
				}
				return n;
			}
			catch (NumberFormatException e) {
				errors.add(field, message);
				return null;
			}
		}

		private static LocalTime time(FormErrors errors, String field, String value) {
			if (value == null || value.isBlank()) {
				return null;
			}
			try {
				return LocalTime.parse(value.strip());
			}
			catch (DateTimeParseException e) {
				errors.add(field, "Enter the time like 09:00");
				return null;
			}
		}
	}

	static List<String> problemsOf(CampaignPreview preview) {
		return preview == null ? List.of() : new ArrayList<>(preview.problems());
	}
}
