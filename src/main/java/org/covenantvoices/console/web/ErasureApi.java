package org.covenantvoices.console.web;

import java.security.Principal;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.covenantvoices.participant.Participants;
import org.covenantvoices.record.NotFound;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * An admin erases a person who asked by other means (a letter, a call): by their pseudonymous id from the record, or
 * by their phone number or chat id. One step, written to the audit log; the address itself is never logged.
 */
@RestController
class ErasureApi {

	private static final Set<String> CHANNELS = Set.of("sms", "whatsapp", "telegram", "simulator");

	private final Participants participants;

	ErasureApi(Participants participants) {
		this.participants = participants;
	}

	@PostMapping("/api/erasures")
	Map<String, Object> erase(@RequestBody(required = false) ErasureRequest request, Principal user) {
		if (request == null || Filters.blank(request.participantId()) && Filters.blank(request.address())) {
			throw new BadRequest("Send {\"participantId\": \"...\"}, or {\"address\": \"+447700900123\"} with an "
					+ "optional \"channel\" (sms, whatsapp, telegram, simulator)");
		}
		List<String> ids;
		if (!Filters.blank(request.participantId())) {
			ids = List.of(participants.find(request.participantId().strip())
				.orElseThrow(() -> new NotFound("There is no participant " + request.participantId().strip()))
				.id());
		}
		else {
			if (request.address().length() > 64) {
				throw new BadRequest("address is too long");
			}
			Set<String> channels = CHANNELS;
			if (!Filters.blank(request.channel())) {
				if (!CHANNELS.contains(request.channel().strip())) {
					throw new BadRequest("channel must be sms, whatsapp, telegram or simulator");
				}
				channels = Set.of(request.channel().strip());
			}
			// The same number may have written by SMS and by WhatsApp: each is a participant of its own.
			ids = channels.stream()
				.sorted()
				.map(channel -> participants.findByAddress(channel, request.address()))
				.flatMap(Optional::stream)
				.distinct()
				.toList();
			if (ids.isEmpty()) {
				throw new NotFound("Nobody with that address is in the record (or they were erased already)");
			}
		}
		long erased = ids.stream().filter(id -> participants.eraseNow(id, user.getName())).count();
		return Map.of("participantIds", ids, "erased", erased);
	}

	record ErasureRequest(String participantId, String channel, String address) {
	}
}
