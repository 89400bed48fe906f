package org.covenantvoices.campaign;

import java.util.List;
import java.util.Map;

/**
 * What a campaign would send, before anyone confirms it.
 *
 * @param recipients how many people it would reach now (the exact count a dry run gives)
 * @param estimatedSegments SMS segments over every recipient (one per message on other channels)
 */
public record CampaignPreview(int recipients, List<LanguagePreview> languages, long estimatedSegments,
		List<String> problems) {

	/**
	 * @param sample the text with its fields filled in as for someone who answered 3 of 6
	 * @param encoding GSM_7 or UCS_2
	 * @param segments SMS segments of one message (a first message to an invited person carries an introduction)
	 * @param recipientsByChannel how many recipients in this language per channel
	 */
	public record LanguagePreview(String language, String sample, String encoding, int segments,
			int invitationSegments, Map<String, Integer> recipientsByChannel) {
	}
}
