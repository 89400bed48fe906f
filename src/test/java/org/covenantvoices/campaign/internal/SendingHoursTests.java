package org.covenantvoices.campaign.internal;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Properties;

import org.covenantvoices.plainlanguage.Readability;
import org.covenantvoices.plainlanguage.SmsSegments;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.config.YamlPropertiesFactoryBean;
import org.springframework.core.io.ClassPathResource;

import static org.assertj.core.api.Assertions.assertThat;

/** The sending window in London time, across a night and a clock change; and the invitation's plain wording. */
class SendingHoursTests {

	private static final ZoneId LONDON = ZoneId.of("Europe/London");

	private final SendingHours hours = new SendingHours(LocalTime.of(9, 0), LocalTime.of(20, 0), LONDON);

	@Test
	void openFromNineUntilEightInLondonTime() {
		assertThat(hours.isOpen(at(2026, 12, 1, 8, 59))).isFalse();
		assertThat(hours.isOpen(at(2026, 12, 1, 9, 0))).isTrue();
		assertThat(hours.isOpen(at(2026, 12, 1, 19, 59))).isTrue();
		assertThat(hours.isOpen(at(2026, 12, 1, 20, 0))).isFalse();
		// In summer London is an hour ahead of UTC: 08:30 UTC is 09:30 there.
		assertThat(hours.isOpen(LocalDateTime.of(2026, 7, 1, 8, 30).atZone(ZoneId.of("UTC")).toInstant())).isTrue();
		assertThat(hours.nextOpening(at(2026, 12, 1, 20, 0))).isEqualTo(at(2026, 12, 2, 9, 0));
	}

	@Test
	void spreadingCountsOnlyOpenTimeAcrossNightsAndClockChanges() {
		assertThat(hours.openBetween(at(2026, 12, 1, 19, 58), at(2026, 12, 2, 9, 2))).isEqualTo(Duration.ofMinutes(4));
		assertThat(hours.openBetween(at(2026, 12, 1, 21, 0), at(2026, 12, 2, 8, 0))).isEqualTo(Duration.ZERO);
		// The night the clocks go back (25 October 2026) still has 11 open hours the next day.
		assertThat(hours.openBetween(at(2026, 10, 24, 20, 0), at(2026, 10, 25, 20, 0))).isEqualTo(Duration.ofHours(11));
	}

	@Test
	void theInvitationIntroductionIsPlainAndFitsBesideAShortMessage() {
		YamlPropertiesFactoryBean yaml = new YamlPropertiesFactoryBean();
		yaml.setResources(new ClassPathResource("application.yaml"));
		Properties properties = yaml.getObject();
		String english = properties.getProperty("covenant.campaigns.introduction.en");
		String welsh = properties.getProperty("covenant.campaigns.introduction.cy");
		assertThat(english).contains("Covenant Voices").contains("STOP");
		assertThat(welsh).contains("Covenant Voices").contains("STOPIO");
		for (String text : new String[] { english, welsh }) {
			assertThat(SmsSegments.isGsm7(text)).as(text).isTrue();
			assertThat(SmsSegments.of(text + "\nThe consultation closes on Friday.").segments()).isEqualTo(1);
			assertThat(Readability.longestSentence(text)).isLessThanOrEqualTo(20);
		}
		assertThat(Readability.fleschReadingEase(english)).isGreaterThanOrEqualTo(70);
	}

	private static Instant at(int year, int month, int day, int hour, int minute) {
		return LocalDateTime.of(year, month, day, hour, minute).atZone(LONDON).toInstant();
	}
}
