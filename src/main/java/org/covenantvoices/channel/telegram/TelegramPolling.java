package org.covenantvoices.channel.telegram;

import java.time.Duration;
import java.util.List;

import okhttp3.OkHttpClient;
import org.covenantvoices.channel.courier.IntakeUnavailableException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.telegram.telegrambots.longpolling.TelegramBotsLongPollingApplication;
import org.telegram.telegrambots.longpolling.interfaces.LongPollingUpdateConsumer;
import org.telegram.telegrambots.meta.api.methods.updates.GetUpdates;
import org.telegram.telegrambots.meta.api.objects.Update;

/**
 * Long polling, for deployments Telegram cannot call. The library only fetches: each update goes through the same
 * path as the webhook's, stored before the next fetch, which is what confirms the earlier updates to Telegram. While
 * the database is down the poller waits, so nothing is confirmed that was not kept.
 */
@Component
class TelegramPolling implements SmartLifecycle, LongPollingUpdateConsumer {

	static final List<String> ALLOWED_UPDATES = List.of("message", "callback_query");

	private static final Logger log = LoggerFactory.getLogger(TelegramPolling.class);

	private final TelegramProperties properties;

	private final TelegramInbound inbound;

	private volatile TelegramBotsLongPollingApplication application;

	private volatile boolean running;

	TelegramPolling(TelegramProperties properties, TelegramInbound inbound) {
		this.properties = properties;
		this.inbound = inbound;
	}

	@Override
	public void start() {
		running = true;
		if (!properties.configured() || !properties.polling()) {
			return;
		}
		// The long poll holds the request open for pollTimeout seconds: the read timeout must outlast it.
		OkHttpClient http = new OkHttpClient.Builder().connectTimeout(properties.connectTimeout())
			.readTimeout(Duration.ofSeconds(properties.pollTimeoutSeconds() + 15L))
			.build();
		TelegramBotsLongPollingApplication polling = new TelegramBotsLongPollingApplication(() -> TelegramUpdates.JSON,
				() -> http);
		try {
			polling.registerBot(properties.botToken(), () -> TelegramConfiguration.url(properties.apiBaseUrl()),
					lastUpdate -> GetUpdates.builder()
						.offset(lastUpdate + 1)
						.limit(100)
						.timeout(properties.pollTimeoutSeconds())
						.allowedUpdates(ALLOWED_UPDATES)
						.build(),
					this);
			application = polling;
			log.info("Telegram: long polling");
		}
		catch (Exception e) {
			// Telegram unreachable at start-up: the service still starts; say so plainly.
			log.error("Telegram long polling could not start: {}", e.toString());
		}
	}

	@Override
	public void consume(List<Update> updates) {
		for (Update update : updates) {
			long pause = 500;
			while (running) {
				try {
					inbound.handle(update);
					break;
				}
				catch (IntakeUnavailableException e) {
					log.warn("Telegram update not stored; waiting before trying again: {}", e.getMessage());
				}
				catch (RuntimeException e) {
					// Never let an exception out: it would end the library's polling task for good.
					log.error("Telegram update {} could not be handled; skipped", update.getUpdateId(), e);
					break;
				}
				sleep(pause);
				pause = Math.min(pause * 2, 30_000);
			}
		}
	}

	@Override
	public void stop() {
		running = false;
		TelegramBotsLongPollingApplication polling = application;
		application = null;
		if (polling != null) {
			try {
				polling.close();
			}
			catch (Exception e) {
				log.debug("Stopping long polling: {}", e.toString());
			}
		}
	}

	@Override
	public boolean isRunning() {
		return running;
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
