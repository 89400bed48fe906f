package org.covenantvoices.channel.sms;

import java.util.Optional;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;

/** Numbers as Twilio sends them, checked and written the one way we store them (E.164). */
final class PhoneNumbers {

	private static final PhoneNumberUtil util = PhoneNumberUtil.getInstance();

	private PhoneNumbers() {
	}

	/**
	 * @param e164 the number as +447700900123
	 * @param region its ISO country, such as GB
	 */
	record Number(String e164, String region) {
	}

	/** @return empty for something that is not a phone number at all (a short code, an alphanumeric sender) */
	static Optional<Number> parse(String raw) {
		if (raw == null || raw.isBlank() || !raw.strip().startsWith("+")) {
			return Optional.empty();
		}
		try {
			PhoneNumber number = util.parse(raw.strip(), null);
			if (!util.isPossibleNumber(number)) {
				return Optional.empty();
			}
			String region = util.getRegionCodeForNumber(number);
			if (region == null) {
				// Not a valid number for any one region (a test range, say): go by its country calling code.
				region = util.getRegionCodeForCountryCode(number.getCountryCode());
			}
			return Optional.of(new Number(util.format(number, PhoneNumberUtil.PhoneNumberFormat.E164), region));
		}
		catch (NumberParseException e) {
			return Optional.empty();
		}
	}
}
