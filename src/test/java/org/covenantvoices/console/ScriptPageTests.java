package org.covenantvoices.console;

import org.covenantvoices.plainlanguage.SmsSegments;
import org.covenantvoices.conversation.ConversationTexts;
import org.covenantvoices.conversation.ParticipantText;
import org.covenantvoices.plainlanguage.Readability;
import org.covenantvoices.support.IntegrationTest;
import org.covenantvoices.support.WebSession;
import org.covenantvoices.support.WebSession.Page;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.crypto.password.PasswordEncoder;

import static org.assertj.core.api.Assertions.assertThat;

/** The conversation script page lists every participant-facing message with its cost and readability. */
class ScriptPageTests extends IntegrationTest {

	@Autowired
	ConversationTexts texts;

	@Autowired
	PasswordEncoder encoder;

	@Test
	void everyMessageInEveryLanguageWithItsEncodingSegmentsAndReadingEase() {
		WebSession analyst = WebSession.signedIn("http://localhost:" + port,
				ConsoleUsersFixture.user(jdbc, encoder, "script-analyst", Role.ANALYST), ConsoleUsersFixture.PASSWORD);
		Page page = analyst.get("/script");
		assertThat(page.status()).isEqualTo(200);
		assertThat(page.text()).contains("English", "Welsh (Cymraeg)", "GSM-7", "UCS-2", "Reading ease");
		assertThat(page.body().indexOf("href=\"#language-en\"")).as("English comes first")
			.isLessThan(page.body().indexOf("href=\"#language-cy\""));

		long rows = page.body().split("cv-script-table__text").length - 1;
		assertThat(rows).isEqualTo(texts.all().size());

		ParticipantText welcome = texts.all()
			.stream()
			.filter(t -> t.language().equals("en") && t.key().equals("welcome"))
			.findFirst()
			.orElseThrow();
		SmsSegments sms = SmsSegments.of(welcome.text());
		String ease = String.valueOf(Math.round(Readability.fleschReadingEase(welcome.text()) * 10) / 10.0);
		String row = page.body().substring(page.body().indexOf("<code>welcome</code>"));
		row = row.substring(0, row.indexOf("</tr>")).replaceAll("\\s+", "");
		assertThat(row).contains(sms.encoding() == SmsSegments.Encoding.GSM_7 ? "GSM-7" : "UCS-2", ">" + ease,
				">" + sms.remaining() + "<");
		assertThat(page.body()).contains("lang=\"cy\">Helo! Dyma Covenant Voices");
	}
}
