package org.covenantvoices.record.internal;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;

import org.covenantvoices.record.Granularity;
import org.covenantvoices.record.QuestionId;
import org.covenantvoices.record.Source;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Reading the files organisers' tools actually produce. */
class ImportFileTests {

	private static final Instant NOW = Instant.parse("2026-11-28T12:00:00Z");

	private static ImportFile.Result read(String csv, Source source) {
		return read(csv.getBytes(StandardCharsets.UTF_8), source);
	}

	private static ImportFile.Result read(byte[] csv, Source source) {
		return ImportFile.read(csv, source,
				codes -> Map.of("K7MX4P", new ImportFile.EventFacts("K7MX4P", LocalDate.of(2026, 11, 20), "uk")),
				NOW);
	}

	@Test
	void excelsSeparatorLineAndSemicolonsAreUnderstood() {
		ImportFile.Result result = read("sep=;\r\nQuestion;Text;Event code\r\nq2;\"Fewer forms; more trust\";k7mx4p\r\n",
				Source.EVENT_MINUTES);
		assertThat(result.problems()).isEmpty();
		ImportFile.Row row = result.rows().get(0);
		assertThat(row.line()).isEqualTo(3);
		assertThat(row.question()).isEqualTo(QuestionId.Q2);
		assertThat(row.text()).isEqualTo("Fewer forms; more trust");
		assertThat(row.eventCode()).isEqualTo("K7MX4P");
		// A UK-wide event gives no nation; its date is the day the note was given.
		assertThat(row.nation()).isNull();
		assertThat(row.givenAt()).isEqualTo(Instant.parse("2026-11-20T00:00:00Z"));
		assertThat(row.granularity()).isEqualTo(Granularity.EVENT_NOTE);
	}

	@Test
	void sourcesPerRowAndConsentFlagsAreRead() {
		ImportFile.Result result = read("source,question,text,date,represented_count,may_publish_anonymously,"
				+ "may_be_contacted,language\nonline_form,Q6,Pool costs,2026-11-01,3,yes,no,Cymraeg\n"
				+ "other,OTHER,Thanks,2026-11-01,1,,,en\n", null);
		assertThat(result.problems()).isEmpty();
		assertThat(result.rows()).extracting(r -> r.source() + " " + r.granularity() + " "
				+ r.mayPublishAnonymously() + " " + r.mayBeContacted() + " " + r.language())
			.containsExactly("ONLINE_FORM GROUP true false cy", "OTHER PERSON null null en");
	}

	@Test
	void utf16AndFutureDatesAndDuplicateIdsAreNamed() {
		byte[] utf16 = "question,text\nQ2,Hi\n".getBytes(StandardCharsets.UTF_16);
		assertThat(read(utf16, Source.ONLINE_FORM).problems().get(0).reason()).contains("UTF-16");

		ImportFile.Result result = read("question,text,date,external_id\nQ2,One,2027-01-01,a\nQ2,Two,2026-11-01,a\n"
				+ "Q2,\"unclosed,2026-11-01,b\n", Source.ONLINE_FORM);
		assertThat(result.rows()).isEmpty();
		assertThat(result.problems()).extracting(p -> p.line() + " " + p.reason())
			.containsExactly("4 The file could not be read as CSV here: check the quotes (\"). A cell with a quote "
					+ "in it must be in quotes, with the quote doubled (\"\")");

		result = read("question,text,date,external_id\nQ2,One,2027-01-01,a\nQ2,Two,2026-11-01,a\n", Source.ONLINE_FORM);
		assertThat(result.problems()).extracting(p -> p.line() + " " + p.column() + " " + p.reason())
			.containsExactly("2 date is in the future", "3 external_id \"a\" is already used on line 2");
	}

	@Test
	void anEmptyFileOrAHeaderAloneIsNamed() {
		assertThat(read("", Source.ONLINE_FORM).problems().get(0).reason()).startsWith("The file is empty");
		assertThat(read("question,text\n", Source.ONLINE_FORM).problems().get(0).reason())
			.isEqualTo("The file has a header but no rows to import");
		assertThat(read("text\nHello\n", Source.ONLINE_FORM).problems().get(0).reason())
			.isEqualTo("is missing: every file needs a question column");
	}

	@Test
	void joinCodesAreFoundHoweverTheyAreTyped() {
		assertThat(JoinCodes.candidate("k7mx4p")).contains("K7MX4P");
		assertThat(JoinCodes.candidate(" K7M-X4P ")).contains("K7MX4P");
		assertThat(JoinCodes.candidate("/start K7MX4P")).contains("K7MX4P");
		assertThat(JoinCodes.candidate("join k7m x4p")).contains("K7MX4P");
		assertThat(JoinCodes.candidate("Code: K7MX4P")).contains("K7MX4P");
		assertThat(JoinCodes.candidate("AGREED")).isEmpty();
		assertThat(JoinCodes.candidate("K7MX4PQ")).isEmpty();
		assertThat(JoinCodes.candidate("K0MX4P")).isEmpty();
		assertThat(JoinCodes.candidate("I think we need more money")).isEmpty();
	}
}
