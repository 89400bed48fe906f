package org.covenantvoices.console.web;

import java.security.Principal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;

import org.covenantvoices.campaign.Audience;
import org.covenantvoices.campaign.Campaign;
import org.covenantvoices.campaign.CampaignDraft;
import org.covenantvoices.campaign.CampaignPreview;
import org.covenantvoices.campaign.CampaignResults;
import org.covenantvoices.campaign.Campaigns;
import org.covenantvoices.campaign.Invitation;
import org.covenantvoices.record.NotFound;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Reminder campaigns. Organisers and admins create, preview, dry-run, confirm, pause, resume and cancel them;
 * analysts may read their results only.
 */
@RestController
class CampaignsApi {

	private static final ZoneId LONDON = ZoneId.of("Europe/London");

	private final Campaigns campaigns;

	CampaignsApi(Campaigns campaigns) {
		this.campaigns = campaigns;
	}

	@GetMapping("/api/campaigns")
	Map<String, List<Campaign>> list() {
		return Map.of("items", campaigns.list());
	}

	@PostMapping("/api/campaigns/preview")
	CampaignPreview preview(@RequestBody(required = false) CampaignRequest request) {
		return campaigns.preview(required(request).draft());
	}

	@PostMapping("/api/campaigns")
	@ResponseStatus(HttpStatus.CREATED)
	Campaign create(@RequestBody(required = false) CampaignRequest request, Principal user) {
		return campaigns.create(required(request).draft(), user.getName());
	}

	@GetMapping("/api/campaigns/{id}")
	Campaign one(@PathVariable long id) {
		return campaigns.find(id).orElseThrow(() -> new NotFound("There is no campaign " + id));
	}

	@PostMapping("/api/campaigns/{id}/dry-run")
	CampaignPreview dryRun(@PathVariable long id) {
		return campaigns.dryRun(id);
	}

	@PostMapping("/api/campaigns/{id}/confirm")
	Campaign confirm(@PathVariable long id, Principal user) {
		return campaigns.confirm(id, user.getName());
	}

	@PostMapping("/api/campaigns/{id}/pause")
	Campaign pause(@PathVariable long id, Principal user) {
		return campaigns.pause(id, user.getName());
	}

	@PostMapping("/api/campaigns/{id}/resume")
	Campaign resume(@PathVariable long id, Principal user) {
		return campaigns.resume(id, user.getName());
	}

	@PostMapping("/api/campaigns/{id}/cancel")
	Campaign cancel(@PathVariable long id, Principal user) {
		return campaigns.cancel(id, user.getName());
	}

	@GetMapping("/api/campaigns/{id}/results")
	CampaignResults results(@PathVariable long id) {
		return campaigns.results(id);
	}

	private static CampaignRequest required(CampaignRequest request) {
		if (request == null) {
			throw new BadRequest("Send a JSON body like {\"name\": \"Nudge\", \"audience\": {\"startedNotFinished\": "
					+ "true, \"idleDays\": 3}, \"messages\": {\"en\": \"...\", \"cy\": \"...\"}}");
		}
		return request;
	}

	/** As {@link Audience}, with every field optional. */
	record AudienceRequest(Boolean startedNotFinished, Integer idleDays, String atStep, Boolean updatesOptIn,
			List<Invitation> invitations, String eventCode, String nation, String organisationType,
			List<String> channels, List<String> languages, Boolean includeCompleted) {

		Audience audience() {
			return new Audience(Boolean.TRUE.equals(startedNotFinished), idleDays, atStep,
					Boolean.TRUE.equals(updatesOptIn), invitations, eventCode, nation, organisationType, channels,
					languages, Boolean.TRUE.equals(includeCompleted));
		}
	}

	/**
	 * @param startAt an instant (2026-12-01T10:00:00Z) or a London time (2026-12-01T10:00); none for now
	 * @param spreadMinutes spread over this much sending time
	 * @param sendFrom start of the daily window, like 09:00
	 * @param sendUntil end of the daily window, like 20:00
	 */
	record CampaignRequest(String name, AudienceRequest audience, Map<String, String> messages, String startAt,
			Integer spreadMinutes, String sendFrom, String sendUntil) {

		CampaignDraft draft() {
			if (spreadMinutes != null && spreadMinutes < 0) {
				throw new BadRequest("spreadMinutes cannot be negative");
			}
			return new CampaignDraft(name, audience == null ? null : audience.audience(), messages, instant(startAt),
					spreadMinutes == null ? null : Duration.ofMinutes(spreadMinutes), time("sendFrom", sendFrom),
					time("sendUntil", sendUntil));
		}

		private static Instant instant(String value) {
			if (value == null || value.isBlank()) {
				return null;
			}
			try {
				return Instant.parse(value.strip());
			}
			catch (DateTimeParseException e) {
				try {
					return LocalDateTime.parse(value.strip()).atZone(LONDON).toInstant();
				}
				catch (DateTimeParseException again) {
					throw new BadRequest("startAt must look like 2026-12-01T10:00 (London time) or "
							+ "2026-12-01T10:00:00Z");
				}
			}
		}

		private static LocalTime time(String field, String value) {
			if (value == null || value.isBlank()) {
				return null;
			}
			try {
				return LocalTime.parse(value.strip());
			}
			catch (DateTimeParseException e) {
				throw new BadRequest(field + " must look like 09:00");
			}
		}
	}
}
