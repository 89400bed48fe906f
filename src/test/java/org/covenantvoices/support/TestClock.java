package org.covenantvoices.support;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The clock campaigns read, shared by every service instance a test run starts, so a test can set the time (19:58
 * in London) and move it on. It follows the real time until a test fixes it; {@link #reset()} lets it follow again.
 */
public final class TestClock extends Clock {

	public static final TestClock INSTANCE = new TestClock();

	private volatile Instant fixed;

	private TestClock() {
	}

	public void set(Instant at) {
		fixed = at;
	}

	public void advance(Duration by) {
		fixed = instant().plus(by);
	}

	public void reset() {
		fixed = null;
	}

	@Override
	public Instant instant() {
		Instant at = fixed;
		return at == null ? Instant.now() : at;
	}

	@Override
	public ZoneId getZone() {
		return ZoneOffset.UTC;
	}

	@Override
	public Clock withZone(ZoneId zone) {
		return Clock.fixed(instant(), zone);
	}

	/** Registers the clock in every application context of the test run. */
	public static final class Initializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

		@Override
		public void initialize(ConfigurableApplicationContext context) {
			context.getBeanFactory().registerSingleton("campaignClock", INSTANCE);
		}
	}
}
