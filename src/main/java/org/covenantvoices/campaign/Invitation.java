package org.covenantvoices.campaign;

import java.time.LocalDate;

/**
 * One uploaded number and why we may message it.
 *
 * @param number a phone number as people write it; UK numbers may omit +44
 * @param channel sms or whatsapp (sms where null)
 * @param language en or cy (en where null)
 * @param consentGivenBy who gave consent (the person, or the group that collected it)
 * @param consentGivenAt when
 * @param consentHow how, e.g. "sign-up sheet at the Cardiff roundtable"
 */
public record Invitation(String number, String channel, String language, String consentGivenBy,
		LocalDate consentGivenAt, String consentHow) {
}
