package org.covenantvoices.channel.courier;

import org.covenantvoices.conversation.Conversations;
import org.covenantvoices.conversation.InboundMessage;
import org.covenantvoices.conversation.Receipt;
import org.covenantvoices.participant.Participants;
import org.covenantvoices.platform.RedisKeys;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.params.SetParams;

/**
 * What every channel does with a verified message: skip a known duplicate, refuse a flood, store it durably, and
 * have it processed in the background. A channel acknowledges only after {@link #admit} returns.
 */
@Component
public class Intake {

	private static final Logger log = LoggerFactory.getLogger(Intake.class);

	private final Conversations conversations;

	private final Participants participants;

	private final ProcessingQueue processing;

	private final SendRates rates;

	private final UnifiedJedis redis;

	private final RedisKeys keys;

	private final CourierProperties.Inbound properties;

	Intake(Conversations conversations, Participants participants, ProcessingQueue processing, SendRates rates,
			UnifiedJedis redis, RedisKeys keys, CourierProperties properties) {
		this.conversations = conversations;
		this.participants = participants;
		this.processing = processing;
		this.rates = rates;
		this.redis = redis;
		this.keys = keys;
		this.properties = properties.inbound();
	}

	public enum Admission {
		/** Stored; it will be processed. */
		STORED,
		/** Delivered before: no second effect. */
		DUPLICATE,
		/** Too many messages from this address: not stored. */
		TOO_MANY
	}

	/**
	 * @throws IntakeUnavailableException where the message could not be stored: answer 503, acknowledge nothing
	 */
	public Admission admit(InboundMessage message) {
		if (message.text() != null && message.text().indexOf('\u0000') >= 0) {
			// PostgreSQL text cannot hold NUL: storing it would fail as if the database were down, on every retry.
			message = new InboundMessage(message.channel(), message.address(), message.providerMessageId(),
					message.text().replace("\u0000", ""), message.receivedAt());
		}
		String seenKey = keys.global("inbound", message.channel(), "{" + message.providerMessageId() + "}");
		if (seenBefore(seenKey)) {
			return Admission.DUPLICATE;
		}
		if (flooding(message)) {
			log.warn("Too many {} messages from one address; refusing until it slows down", message.channel());
			return Admission.TOO_MANY;
		}
		Receipt receipt;
		try {
			receipt = conversations.receive(message);
		}
		catch (RuntimeException e) {
			throw new IntakeUnavailableException("the database is not answering", e);
		}
		remember(seenKey);
		if (receipt.duplicate()) {
			return Admission.DUPLICATE;
		}
		processing.schedule(receipt.participantId(), message.channel());
		return Admission.STORED;
	}

	/** The inbox's unique constraint is the real guard; Redis only spares it the common retry. */
	private boolean seenBefore(String key) {
		try {
			return redis.exists(key);
		}
		catch (RuntimeException e) {
			return false;
		}
	}

	private void remember(String key) {
		try {
			redis.set(key, "1", SetParams.setParams().px(properties.dedupeTtl().toMillis()));
		}
		catch (RuntimeException e) {
			log.debug("Could not remember a message id in Redis: {}", e.toString());
		}
	}

	/** Fails open: with Redis down, messages are still kept rather than refused. */
	private boolean flooding(InboundMessage message) {
		try {
			String who = participants.addressKey(message.channel(), message.address());
			return rates.take("inbound:" + message.channel() + ":" + who, properties.perAddressPerMinute() / 60.0,
					properties.perAddressBurst(), 1) > 0;
		}
		catch (RuntimeException e) {
			return false;
		}
	}
}
