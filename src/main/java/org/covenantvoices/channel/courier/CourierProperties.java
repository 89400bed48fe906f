package org.covenantvoices.channel.courier;

import java.time.Duration;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How every channel receives and sends.
 *
 * @param rates per channel: messages per second (SMS: segments per second), shared by all instances
 * @param perChat per channel: messages per second to one chat (Telegram asks for about one), or none
 * @param bursts per channel: how many may go at once after a quiet spell (default: one second's rate). A provider
 * that counts per calendar second is never over its limit where rate + burst stays within it
 */
@ConfigurationProperties("covenant.channels")
public record CourierProperties(@DefaultValue Outbox outbox, @DefaultValue Inbound inbound,
		@DefaultValue({ "sms=10", "whatsapp=20", "telegram=30" }) Map<String, Double> rates,
		@DefaultValue("telegram=1") Map<String, Double> perChat, Map<String, Integer> bursts) {

	/**
	 * @param workers sending threads per channel on each instance
	 * @param batchSize messages claimed at once by a worker
	 * @param sweepInterval how often an idle worker looks for due messages (it is also woken after each message
	 * is processed)
	 * @param lease a message claimed longer ago than this by an instance that died is recovered
	 * @param retryBase the first retry's delay; it doubles with each attempt, up to {@code retryMax}
	 * @param maxAttempts after this many provider calls with a retryable error, a message is failed
	 * @param maxRateWait a worker waits at most this long for the channel's rate; longer waits put messages back
	 */
	public record Outbox(@DefaultValue("2") int workers, @DefaultValue("10") int batchSize,
			@DefaultValue("2s") Duration sweepInterval, @DefaultValue("2m") Duration lease,
			@DefaultValue("30s") Duration recoveryInterval, @DefaultValue("5s") Duration retryBase,
			@DefaultValue("10m") Duration retryMax, @DefaultValue("8") int maxAttempts,
			@DefaultValue("2s") Duration maxRateWait) {
	}

	/**
	 * @param processingThreads threads that run the conversation for acknowledged messages
	 * @param processingQueue messages waiting for those threads; beyond it, the recovery sweep picks them up
	 * @param perAddressPerMinute messages one number or chat may send per minute before the rest are refused
	 * @param perAddressBurst how many may arrive at once within that rate
	 * @param dedupeTtl how long a provider message id is remembered in Redis (the inbox remembers it for ever)
	 */
	public record Inbound(@DefaultValue("4") int processingThreads, @DefaultValue("1000") int processingQueue,
			@DefaultValue("30") int perAddressPerMinute, @DefaultValue("20") int perAddressBurst,
			@DefaultValue("48h") Duration dedupeTtl) {
	}

	public double rate(String channel) {
		return rates.getOrDefault(channel, 10.0);
	}

	public int burst(String channel) {
		Integer burst = bursts == null ? null : bursts.get(channel);
		return burst != null && burst > 0 ? burst : (int) Math.ceil(rate(channel));
	}
}
