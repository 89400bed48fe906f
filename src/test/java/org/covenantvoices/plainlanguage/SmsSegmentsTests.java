package org.covenantvoices.plainlanguage;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/** The published boundary cases: what a text costs decides rate limits and the cost figures organisers see. */
class SmsSegmentsTests {

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|', textBlock = """
			160 a                        | a   | 160 |     | GSM_7 | 1
			161 a                        | a   | 161 |     | GSM_7 | 2
			euro and 158 a               | a   | 158 | €   | GSM_7 | 1
			euro and 159 a               | a   | 159 | €   | GSM_7 | 2
			80 open brackets             | [   | 80  |     | GSM_7 | 1
			81 open brackets             | [   | 81  |     | GSM_7 | 2
			70 w circumflex              | ŵ   | 70  |     | UCS_2 | 1
			71 w circumflex              | ŵ   | 71  |     | UCS_2 | 2
			curly apostrophe and 159 a   | a   | 159 | ’   | UCS_2 | 3
			306 a                        | a   | 306 |     | GSM_7 | 2
			307 a                        | a   | 307 |     | GSM_7 | 3
			""")
	void countsSegmentsAsTwilioDoes(String name, String repeated, int times, String prefix, String encoding,
			int segments) {
		String text = (prefix == null ? "" : prefix) + repeated.repeat(times);
		SmsSegments count = SmsSegments.of(text);
		assertThat(count.encoding().name()).isEqualTo(encoding);
		assertThat(count.segments()).isEqualTo(segments);
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|', textBlock = """
			extension char at a part boundary moves whole | 152 | 2
			emoji at a part boundary stays whole          | 66  | 2
			""")
	void neverSplitsACharacter(String name, int lead, int segments) {
		String text = name.startsWith("extension") ? "a".repeat(lead) + "€" + "a".repeat(10)
				: "ŵ".repeat(lead) + "😀" + "ŵ".repeat(5);
		assertThat(SmsSegments.of(text).segments()).isEqualTo(segments);
	}
}
