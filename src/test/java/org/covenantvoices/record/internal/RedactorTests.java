package org.covenantvoices.record.internal;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** What an analyst sees of contact details people typed into their answers. */
class RedactorTests {

	@Test
	void phoneNumbersInEveryCommonFormatAreRedacted() {
		for (String number : new String[] { "07700 900123", "07700900123", "+44 7700 900123", "+447700900123",
				"0044 7700 900 123", "(020) 7946 0018", "020 7946 0018", "0113-496-0000", "+1 415 555 0100",
				"+33 1 23 45 67 89", "07700-900-123" }) {
			assertThat(Redactor.redact("Ring me on " + number + " please")).as(number)
				.isEqualTo("Ring me on [redacted] please");
		}
	}

	@Test
	void emailsLinksAndFullPostcodesAreRedacted() {
		assertThat(Redactor.redact("Mail jo.bloggs+covenant@example.org.uk today"))
			.isEqualTo("Mail [redacted] today");
		assertThat(Redactor.redact("See https://example.org/a?b=1 and www.example.com and bit.ly/x1")).isEqualTo(
				"See [redacted] and [redacted] and [redacted]");
		assertThat(Redactor.redact("(see www.example.org/covenant). Or http://x.example/a_b?c=d, then stop."))
			.isEqualTo("(see [redacted]). Or [redacted], then stop.");
		assertThat(Redactor.redact("We meet at LS1 4AP, cf10 1ep or SW1A1AA"))
			.isEqualTo("We meet at [redacted], [redacted] or [redacted]");
	}

	@Test
	void ordinaryNumbersDatesAndPlacesStay() {
		String text = "In 2024 we helped 1,200 people (about 350 families) in Leeds LS1 and Powys, "
				+ "from 2020-2026, on 28/11/2026, with £15,000.";
		assertThat(Redactor.redact(text)).isEqualTo(text);
		assertThat(Redactor.redact("Ysgol Gymraeg ŵyr ac wyrion")).isEqualTo("Ysgol Gymraeg ŵyr ac wyrion");
	}

	@Test
	void theSameTextAlwaysComesOutTheSame() {
		String text = "Call 07700 900123 or jo@example.org at CF10 1EP";
		assertThat(Redactor.redact(text)).isEqualTo(Redactor.redact(text))
			.isEqualTo("Call [redacted] or [redacted] at [redacted]");
		assertThat(Redactor.redact(null)).isNull();
	}
}
