package org.covenantvoices.channel.telegram;

import java.net.URI;

import okhttp3.OkHttpClient;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.telegram.telegrambots.client.okhttp.OkHttpTelegramClient;
import org.telegram.telegrambots.meta.TelegramUrl;
import org.telegram.telegrambots.meta.generics.TelegramClient;

@Configuration(proxyBeanMethods = false)
class TelegramConfiguration {

	@Bean(destroyMethod = "")
	@Conditional(Configured.class)
	OkHttpClient telegramHttp(TelegramProperties properties) {
		return new OkHttpClient.Builder().connectTimeout(properties.connectTimeout())
			.readTimeout(properties.responseTimeout())
			.writeTimeout(properties.responseTimeout())
			// OkHttp would otherwise repeat a request on some connection failures: that could send twice.
			.retryOnConnectionFailure(false)
			.build();
	}

	@Bean
	@Conditional(Configured.class)
	TelegramClient telegramClient(TelegramProperties properties, OkHttpClient telegramHttp) {
		return new OkHttpTelegramClient(TelegramUpdates.JSON, telegramHttp, properties.botToken(),
				url(properties.apiBaseUrl()));
	}

	@Bean
	@Conditional(Configured.class)
	TelegramSender telegramSender(TelegramClient telegramClient) {
		return new TelegramSender(telegramClient);
	}

	/** The Bot API's address as the library takes it: scheme, host and port, no path. */
	static TelegramUrl url(String baseUrl) {
		URI uri = URI.create(baseUrl);
		boolean https = "https".equalsIgnoreCase(uri.getScheme());
		int port = uri.getPort() > 0 ? uri.getPort() : https ? 443 : 80;
		return new TelegramUrl(https ? "https" : "http", uri.getHost(), port, false);
	}

	static class Configured implements Condition {

		@Override
		public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
			return Binder.get(context.getEnvironment())
				.bindOrCreate("covenant.telegram", TelegramProperties.class)
				.configured();
		}
	}
}
