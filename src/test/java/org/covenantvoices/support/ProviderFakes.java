package org.covenantvoices.support;

import com.github.tomakehurst.wiremock.WireMockServer;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

/**
 * One WireMock server faking Twilio's and Telegram's HTTP APIs for the whole test run, so the real SDKs make real
 * HTTP calls. One server (not one per test class) because every service instance of the run shares the database:
 * any instance's outbox may send any test's message.
 */
public final class ProviderFakes {

	private static WireMockServer server;

	private ProviderFakes() {
	}

	public static synchronized WireMockServer server() {
		if (server == null) {
			server = new WireMockServer(options().dynamicPort()
				.bindAddress("127.0.0.1")
				.globalTemplating(true)
				.containerThreads(40)
				.jettyAcceptors(2)
				.asynchronousResponseEnabled(true)
				.asynchronousResponseThreads(20));
			server.start();
			Runtime.getRuntime().addShutdownHook(new Thread(server::stop));
		}
		return server;
	}

	public static String baseUrl() {
		return server().baseUrl();
	}
}
