package org.covenantvoices.channel.sms;

import java.net.URI;

import com.twilio.http.TwilioRestClient;
import org.covenantvoices.channel.courier.ChannelSender;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.type.AnnotatedTypeMetadata;

/** Twilio's REST client and the two channels it serves, each only where its sender is configured. */
@Configuration(proxyBeanMethods = false)
class TwilioConfiguration {

	@Bean
	@Conditional(Configured.class)
	TwilioRestClient twilioRestClient(TwilioProperties properties) {
		return new TwilioRestClient.Builder(properties.accountSid(), properties.authToken())
			.httpClient(new TwilioHttpClient(properties.apiBaseUrl(), properties.connectTimeout(),
					properties.responseTimeout()))
			.build();
	}

	@Bean
	@Conditional(SmsConfigured.class)
	ChannelSender smsSender(TwilioRestClient client, TwilioProperties properties,
			@Value("${covenant.public-base-url:}") String publicBaseUrl) {
		return new TwilioSender(TwilioSender.SMS, client, properties, statusCallback(publicBaseUrl));
	}

	@Bean
	@Conditional(WhatsAppConfigured.class)
	ChannelSender whatsappSender(TwilioRestClient client, TwilioProperties properties,
			@Value("${covenant.public-base-url:}") String publicBaseUrl) {
		return new TwilioSender(TwilioSender.WHATSAPP, client, properties, statusCallback(publicBaseUrl));
	}

	/** Without a public address Twilio cannot call back; messages still go, only their delivery is not reported. */
	private static URI statusCallback(String publicBaseUrl) {
		if (publicBaseUrl == null || publicBaseUrl.isBlank()) {
			return null;
		}
		return URI.create(publicBaseUrl.replaceAll("/+$", "") + TwilioWebhooks.STATUS_PATH);
	}

	private static TwilioProperties bind(ConditionContext context) {
		return Binder.get(context.getEnvironment())
			.bindOrCreate("covenant.twilio", TwilioProperties.class);
	}

	static class Configured implements Condition {

		@Override
		public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
			return bind(context).configured();
		}
	}

	static class SmsConfigured implements Condition {

		@Override
		public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
			return bind(context).smsSender();
		}
	}

	static class WhatsAppConfigured implements Condition {

		@Override
		public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
			return bind(context).whatsappSender();
		}
	}
}
