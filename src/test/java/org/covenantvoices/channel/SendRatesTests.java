package org.covenantvoices.channel;

import java.util.UUID;

import org.covenantvoices.channel.courier.SendRates;
import org.covenantvoices.support.ChannelTest;
import org.covenantvoices.support.Instance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import redis.clients.jedis.UnifiedJedis;

import static org.assertj.core.api.Assertions.assertThat;

/** The shared send rates: one allowance in Redis, whichever instance draws on it. */
class SendRatesTests extends ChannelTest {

	@Autowired
	SendRates rates;

	@Autowired
	UnifiedJedis redis;

	@Test
	void aBurstIsAllowedThenSendersMustWaitAndTwoInstancesShareOneAllowance() {
		String name = "test:" + UUID.randomUUID();
		// One a minute (slow, so the test does not depend on its own speed), bursts of 3.
		double perSecond = 1 / 60.0;
		try (Instance other = Instance.start(instanceOverrides())) {
			assertThat(rates.take(name, perSecond, 3, 1)).isZero();
			assertThat(rates.take(name, perSecond, 3, 1)).isZero();
			assertThat(other.bean(SendRates.class).take(name, perSecond, 3, 1)).isZero();
			// The fourth must wait for the next token, up to a minute, whichever instance asks.
			assertThat(other.bean(SendRates.class).take(name, perSecond, 3, 1)).isBetween(1L, 60_000L);
			assertThat(rates.take(name, perSecond, 3, 1)).isBetween(1L, 60_000L);
		}
	}

	@Test
	void longSmsCostMoreOfTheAllowance() {
		String name = "test:" + UUID.randomUUID();
		// Ten segments at once, then one a minute: a three-segment text leaves room for seven more, not nine.
		double perSecond = 1 / 60.0;
		assertThat(rates.take(name, perSecond, 10, 3)).isZero();
		assertThat(rates.take(name, perSecond, 10, 7)).isZero();
		assertThat(rates.take(name, perSecond, 10, 3)).isPositive();
		// A text longer than the whole burst still goes, costing the whole burst, rather than waiting for ever.
		String other = "test:" + UUID.randomUUID();
		assertThat(rates.take(other, perSecond, 10, 25)).isZero();
		assertThat(rates.take(other, perSecond, 10, 1)).isPositive();
	}

	@Test
	void aRedisThatForgotItsScriptsStillKeepsTheRate() {
		String name = "test:" + UUID.randomUUID();
		double perSecond = 1 / 60.0;
		assertThat(rates.take(name, perSecond, 2, 1)).isZero();
		// What a restarted Redis looks like to the rate: the script cache is empty, the keys may not be.
		redis.scriptFlush();
		assertThat(rates.take(name, perSecond, 2, 1)).isZero();
		assertThat(rates.take(name, perSecond, 2, 1)).isPositive();
	}
}
