package org.covenantvoices.conversation;

import java.time.Instant;

/**
 * A message from a participant, as every channel hands it over.
 *
 * @param channel sms, whatsapp, telegram or simulator; also the contribution's source
 * @param address the channel's address for the person (E.164 number, chat id); kept only encrypted
 * @param providerMessageId the provider's id for this message, used to recognise a duplicate delivery
 */
public record InboundMessage(String channel, String address, String providerMessageId, String text,
		Instant receivedAt) {
}
