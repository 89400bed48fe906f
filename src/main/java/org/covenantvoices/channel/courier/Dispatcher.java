package org.covenantvoices.channel.courier;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.covenantvoices.conversation.OutboundMessage;
import org.covenantvoices.conversation.Outbox;
import org.covenantvoices.participant.Participants;
import org.covenantvoices.platform.RedisKeys;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.params.SetParams;

/**
 * The one outbox dispatcher for every channel. Each channel has a few worker threads on each instance; they claim
 * due messages (one person's in order), respect the channel's shared rate and the provider's circuit breaker, set
 * the sent-guard, call the provider and record what happened. Workers are woken right after a message is
 * processed and otherwise look every sweep interval, so nothing waits after a restart.
 */
@Component
public class Dispatcher implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(Dispatcher.class);

	private final Map<String, Lane> lanes = new LinkedHashMap<>();

	private final Outbox outbox;

	private final Participants participants;

	private final SendRates rates;

	private final CircuitBreakerRegistry breakers;

	private final CourierProperties properties;

	private final UnifiedJedis redis;

	private final RedisKeys keys;

	private final MeterRegistry meters;

	private volatile boolean running;

	Dispatcher(List<ChannelSender> senders, Outbox outbox, Participants participants, SendRates rates,
			CircuitBreakerRegistry breakers, CourierProperties properties, UnifiedJedis redis, RedisKeys keys,
			MeterRegistry meters) {
		this.meters = meters;
		this.outbox = outbox;
		this.participants = participants;
		this.rates = rates;
		this.breakers = breakers;
		this.properties = properties;
		this.redis = redis;
		this.keys = keys;
		for (ChannelSender sender : senders) {
			lanes.put(sender.channel(), new Lane(sender));
		}
	}

	/** Something was queued for this channel: look now rather than at the next sweep. */
	public void wake(String channel) {
		Lane lane = lanes.get(channel);
		if (lane != null) {
			lane.signal();
		}
	}

	@Override
	public void start() {
		running = true;
		for (Lane lane : lanes.values()) {
			for (int i = 1; i <= properties.outbox().workers(); i++) {
				Thread worker = new Thread(lane::work, "outbox-" + lane.channel + "-" + i);
				worker.setDaemon(true);
				lane.workers.add(worker);
				worker.start();
			}
			log.info("Sending {} messages through the outbox ({} per second across all instances)", lane.channel,
					properties.rate(lane.channel));
		}
	}

	@Override
	public void stop() {
		running = false;
		lanes.values().forEach(Lane::signal);
		for (Lane lane : lanes.values()) {
			for (Thread worker : lane.workers) {
				try {
					// A worker in a provider call finishes it, so its answer is recorded.
					worker.join(TimeUnit.SECONDS.toMillis(35));
				}
				catch (InterruptedException e) {
					Thread.currentThread().interrupt();
					return;
				}
			}
			lane.workers.clear();
		}
	}

	@Override
	public boolean isRunning() {
		return running;
	}

	@Scheduled(initialDelayString = "${covenant.channels.outbox.recovery-interval:30s}",
			fixedDelayString = "${covenant.channels.outbox.recovery-interval:30s}")
	void recoverAbandoned() {
		if (lanes.isEmpty()) {
			return;
		}
		try {
			int recovered = outbox.recoverAbandoned(properties.outbox().lease());
			if (recovered > 0) {
				lanes.values().forEach(Lane::signal);
			}
		}
		catch (RuntimeException e) {
			log.debug("Outbox recovery paused: {}", e.toString());
		}
	}

	/** One channel's workers. */
	private final class Lane {

		final String channel;

		final ChannelSender sender;

		final List<Thread> workers = new ArrayList<>();

		final ReentrantLock lock = new ReentrantLock();

		final Condition work = lock.newCondition();

		final ReentrantLock claiming = new ReentrantLock();

		/** Counts wake-ups, so a signal between a worker's claim and its wait is not lost. */
		long signals;

		/** Looked up once: registering a meter on every send showed in the dispatch profile. */
		final Counter segments;

		final Map<Class<?>, Counter> sends = new ConcurrentHashMap<>();

		Lane(ChannelSender sender) {
			this.channel = sender.channel();
			this.sender = sender;
			this.segments = Counter.builder("covenant.outbox.segments")
				.description("Segments handed to providers (1 per message outside SMS)")
				.tag("channel", channel)
				.register(meters);
		}

		void signal() {
			lock.lock();
			try {
				signals++;
				work.signalAll();
			}
			finally {
				lock.unlock();
			}
		}

		long signals() {
			lock.lock();
			try {
				return signals;
			}
			finally {
				lock.unlock();
			}
		}

		void await(long seenSignals, Duration atMost) {
			lock.lock();
			try {
				long nanos = Math.max(1, atMost.toNanos());
				while (running && signals == seenSignals && nanos > 0) {
					nanos = work.awaitNanos(nanos);
				}
			}
			catch (InterruptedException e) {
				Thread.currentThread().interrupt();
			}
			finally {
				lock.unlock();
			}
		}

		void work() {
			Duration sweep = properties.outbox().sweepInterval();
			while (running && !Thread.currentThread().isInterrupted()) {
				long seen = signals();
				Duration idle = sweep;
				try {
					long paused = pausedFor();
					if (paused > 0) {
						await(seen, Duration.ofMillis(Math.min(paused, sweep.toMillis())));
						continue;
					}
					List<OutboundMessage> batch;
					// One claim at a time per instance: many concurrent claims made each other slow (each had to step
					// over and lock rows the others had just taken), and held up the hand-over of the rows they locked.
					claiming.lock();
					try {
						batch = outbox.claim(channel, properties.outbox().batchSize());
					}
					finally {
						claiming.unlock();
					}
					if (!batch.isEmpty()) {
						idle = deliver(batch);
						if (idle.isZero()) {
							continue; // there may be more: claim again at once
						}
					}
				}
				catch (RuntimeException e) {
					// The database or Redis is down: the messages stay queued.
					log.warn("The {} outbox paused: {}", channel, e.toString());
				}
				await(seen, idle);
			}
		}

		/** @return how long to wait before claiming again: zero to go on at once */
		private Duration deliver(List<OutboundMessage> batch) {
			// One look-up for the batch: the claim has just read each person's status, so this is as fresh.
			Map<String, String> addresses = participants.contactAddresses(batch.stream()
				.filter(OutboundMessage::mayReachRecipient)
				.map(OutboundMessage::participantId)
				.toList());
			// What the provider took is recorded once for the batch. Should this instance die first, those messages
			// stay marked handed and become outcome-unknown: never sent again.
			List<Outbox.Sent> sent = new ArrayList<>();
			try {
				return deliver(batch, addresses, sent);
			}
			finally {
				outbox.sent(sent);
			}
		}

		private Duration deliver(List<OutboundMessage> batch, Map<String, String> addresses, List<Outbox.Sent> sent) {
			Instant soonest = null;
			for (int i = 0; i < batch.size(); i++) {
				if (!running) {
					// Shutting down: what was claimed and not handed over goes straight back for another instance.
					batch.subList(i, batch.size()).forEach(rest -> outbox.release(rest, Instant.now()));
					return Duration.ZERO;
				}
				Deferral deferral = deliver(batch.get(i), addresses, sent);
				if (deferral == null) {
					continue;
				}
				if (deferral.wholeChannel()) {
					// The channel must wait (rate, breaker, the provider asked): put the rest back untouched.
					for (OutboundMessage rest : batch.subList(i + 1, batch.size())) {
						outbox.release(rest, deferral.until());
					}
					return untilOrSoon(deferral.until());
				}
				soonest = soonest == null || deferral.until().isBefore(soonest) ? deferral.until() : soonest;
			}
			// A full batch means there may be more due now; otherwise wake for the earliest chat that had to wait.
			if (soonest == null || batch.size() >= properties.outbox().batchSize()) {
				return Duration.ZERO;
			}
			return untilOrSoon(soonest);
		}

		private static Duration untilOrSoon(Instant until) {
			Duration wait = Duration.between(Instant.now(), until);
			return wait.compareTo(Duration.ofMillis(20)) < 0 ? Duration.ofMillis(20) : wait;
		}

		/** @return null where the message was dealt with, else until when it (or the whole channel) must wait */
		private Deferral deliver(OutboundMessage message, Map<String, String> addresses, List<Outbox.Sent> sent) {
			if (!message.mayReachRecipient()) {
				outbox.skipped(message, "participant-" + message.recipientStatus().dbValue(),
						"the person is " + message.recipientStatus().dbValue() + ": only a confirmation may reach them");
				return null;
			}
			SendOutcome refusal = sender.refuse(message);
			if (refusal != null) {
				record(message, refusal, sent);
				return null;
			}
			String address = addresses.get(message.participantId());
			if (address == null) {
				outbox.failed(message, "no-address", "no contact address is kept for this person");
				return null;
			}
			Double perChat = properties.perChat().get(channel);
			if (perChat != null) {
				long wait = rates.take(channel + ":chat:" + message.participantId(), perChat, 3, 1);
				if (wait > 0) {
					Instant until = Instant.now().plusMillis(wait);
					outbox.release(message, until);
					return new Deferral(until, false);
				}
			}
			CircuitBreaker breaker = breakers.circuitBreaker(sender.provider());
			if (!breaker.tryAcquirePermission()) {
				Instant until = Instant.now().plusSeconds(5);
				outbox.release(message, until);
				return new Deferral(until, true);
			}
			if (!outbox.hand(message)) {
				breaker.releasePermission(); // another worker has it, or had it
				return null;
			}
			// The allowance is taken last, just before the call: taken before the hand-over (a commit that can take a
			// while under load), sends bunched up at the provider and one second in a campaign went over the limit.
			long wait;
			try {
				wait = awaitAllowance(sender.cost(message));
			}
			catch (RuntimeException e) {
				// Redis is down: the message never reached the provider, so it goes back rather than being lost.
				wait = properties.outbox().sweepInterval().toMillis();
			}
			if (wait > 0) {
				breaker.releasePermission();
				Instant until = Instant.now().plusMillis(wait);
				outbox.unhand(message, until);
				return new Deferral(until, true);
			}
			long start = System.nanoTime();
			SendOutcome outcome;
			try {
				outcome = sender.send(message, address);
			}
			catch (RuntimeException e) {
				log.error("Sending message {} failed unexpectedly", message.id(), e);
				outcome = new SendOutcome.Unknown("error", e.toString());
			}
			long took = System.nanoTime() - start;
			if (outcome instanceof SendOutcome.Retry retry && retry.providerFault()
					|| outcome instanceof SendOutcome.Unknown) {
				breaker.onError(took, TimeUnit.NANOSECONDS, new IllegalStateException(code(outcome)));
			}
			else {
				breaker.onSuccess(took, TimeUnit.NANOSECONDS);
			}
			Instant pauseUntil = record(message, outcome, sent);
			return pauseUntil == null ? null : new Deferral(pauseUntil, true);
		}

		/** @return 0 once the channel's allowance is taken, else how long it would be (longer than a worker waits) */
		private long awaitAllowance(int cost) {
			long wait = rates.take(channel, properties.rate(channel), properties.burst(channel), cost);
			while (wait > 0 && wait <= properties.outbox().maxRateWait().toMillis()) {
				sleep(wait);
				wait = rates.take(channel, properties.rate(channel), properties.burst(channel), cost);
			}
			return wait;
		}

		private Instant record(OutboundMessage message, SendOutcome outcome, List<Outbox.Sent> sent) {
			count(outcome);
			if (outcome instanceof SendOutcome.Sent taken) {
				sent.add(new Outbox.Sent(message, taken.providerMessageId(), taken.segments()));
				// What the messages cost: SMS is billed per segment.
				segments.increment(taken.segments());
			}
			else if (outcome instanceof SendOutcome.Retry retry) {
				return retry(message, retry);
			}
			else if (outcome instanceof SendOutcome.Rejected rejected) {
				outbox.failed(message, rejected.code(), rejected.reason());
			}
			else if (outcome instanceof SendOutcome.OptedOut optedOut) {
				log.info("The provider says a {} participant opted out ({}); they are stopped", channel,
						optedOut.code());
				participants.stop(message.participantId());
				outbox.failed(message, optedOut.code(), optedOut.reason());
			}
			else if (outcome instanceof SendOutcome.Skipped skipped) {
				outbox.skipped(message, skipped.code(), skipped.reason());
			}
			else if (outcome instanceof SendOutcome.Unknown unknown) {
				log.warn("{} message {} may or may not have been sent ({}); it is not sent again", channel,
						message.id(), unknown.reason());
				outbox.failed(message, unknown.code(), unknown.reason());
			}
			return null;
		}

		private Instant retry(OutboundMessage message, SendOutcome.Retry retry) {
			int attempts = message.attempts() + 1;
			if (attempts >= properties.outbox().maxAttempts()) {
				log.warn("Giving up on {} message {} after {} attempts: {}", channel, message.id(), attempts,
						retry.reason());
				outbox.failed(message, retry.code(), "gave up after " + attempts + " attempts: " + retry.reason());
				return null;
			}
			Duration delay = backoff(attempts);
			if (retry.retryAfter() != null && retry.retryAfter().compareTo(delay) > 0) {
				delay = retry.retryAfter();
			}
			outbox.retry(message, retry.code(), retry.reason(), Instant.now().plus(delay));
			if (retry.retryAfter() != null) {
				// The provider asked the whole account to slow down: every instance pauses this channel.
				pause(retry.retryAfter());
				return Instant.now().plus(retry.retryAfter());
			}
			return null;
		}

		private void count(SendOutcome outcome) {
			sends.computeIfAbsent(outcome.getClass(), type -> Counter.builder("covenant.outbox.sends")
				.description("Provider calls and refusals by what became of them")
				.tag("channel", channel)
				.tag("outcome", type.getSimpleName().toLowerCase())
				.register(meters)).increment();
		}

		private Duration backoff(int attempts) {
			long base = properties.outbox().retryBase().toMillis();
			long max = properties.outbox().retryMax().toMillis();
			long delay = Math.min(max, base << Math.min(20, attempts - 1));
			// Jitter, so many messages failing together do not all come back at once.
			return Duration.ofMillis(delay / 2 + ThreadLocalRandom.current().nextLong(delay / 2 + 1));
		}

		private long pausedFor() {
			Long ttl = redis.pttl(pauseKey());
			return ttl == null || ttl < 0 ? 0 : ttl;
		}

		private void pause(Duration duration) {
			try {
				redis.set(pauseKey(), "1", SetParams.setParams().px(Math.max(1, duration.toMillis())));
			}
			catch (RuntimeException e) {
				log.debug("Could not share the pause: {}", e.toString());
			}
		}

		private String pauseKey() {
			return keys.global("outbox", "pause", channel);
		}
	}

	/** @param wholeChannel the channel must wait, not just this message's chat */
	private record Deferral(Instant until, boolean wholeChannel) {
	}

	private static String code(SendOutcome outcome) {
		if (outcome instanceof SendOutcome.Retry retry) {
			return retry.code();
		}
		return outcome instanceof SendOutcome.Unknown unknown ? unknown.code() : "";
	}

	private static void sleep(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
		}
	}
}
