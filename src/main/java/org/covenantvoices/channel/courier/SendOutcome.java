package org.covenantvoices.channel.courier;

import java.time.Duration;

/** What became of one provider call, typed as RapidPro's courier types them. */
public sealed interface SendOutcome {

	/** The provider took the message. */
	record Sent(String providerMessageId, int segments) implements SendOutcome {
	}

	/**
	 * The provider certainly did not take it, and may later (rate limited, down, unreachable).
	 *
	 * @param retryAfter what the provider asked for, or null
	 * @param providerFault counts against the provider's circuit breaker (5xx, unreachable), unlike a rate limit
	 */
	record Retry(String code, String reason, Duration retryAfter, boolean providerFault) implements SendOutcome {
	}

	/** It will never take it: an invalid number, a bad request. */
	record Rejected(String code, String reason) implements SendOutcome {
	}

	/** The person opted out at the provider (Twilio 21610, Telegram "bot was blocked"). */
	record OptedOut(String code, String reason) implements SendOutcome {
	}

	/** Deliberately not sent, e.g. outside WhatsApp's 24-hour window with no template. */
	record Skipped(String code, String reason) implements SendOutcome {
	}

	/** Handed over, but no answer came: it may have been sent, so it is never handed again. */
	record Unknown(String code, String reason) implements SendOutcome {
	}
}
