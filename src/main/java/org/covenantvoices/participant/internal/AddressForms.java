package org.covenantvoices.participant.internal;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;

/**
 * The forms an address may have been stored in. Channels store numbers as the provider sends them (E.164, such as
 * +447700900123, sometimes with a {@code whatsapp:} prefix); an admin types them as people write them.
 */
final class AddressForms {

	private static final PhoneNumberUtil PHONES = PhoneNumberUtil.getInstance();

	private AddressForms() {
	}

	static List<String> of(String channel, String address) {
		Set<String> forms = new LinkedHashSet<>();
		String typed = address.strip();
		forms.add(typed);
		String bare = typed.startsWith("whatsapp:") ? typed.substring("whatsapp:".length()) : typed;
		if (!"telegram".equals(channel)) {
			try {
				String e164 = PHONES.format(PHONES.parse(bare, "GB"), PhoneNumberUtil.PhoneNumberFormat.E164);
				forms.add(e164);
				forms.add("whatsapp:" + e164);
			}
			catch (NumberParseException e) {
				// not a phone number: only the address as typed
			}
		}
		forms.add(bare);
		return List.copyOf(forms);
	}
}
