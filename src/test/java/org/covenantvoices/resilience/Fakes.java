package org.covenantvoices.resilience;

import com.github.tomakehurst.wiremock.WireMockServer;
import org.covenantvoices.support.TwilioFake;

import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

/** A Twilio API fake of a fault test's own, so that its count of sends holds only that test's. */
final class Fakes {

	private Fakes() {
	}

	static WireMockServer twilio() {
		WireMockServer server = new WireMockServer(options().dynamicPort()
			.bindAddress("127.0.0.1")
			.globalTemplating(true)
			.containerThreads(30)
			.jettyAcceptors(1));
		server.start();
		// A little time at the provider widens the window in which a crash can catch a send half done.
		server.stubFor(post(urlPathEqualTo(TwilioFake.MESSAGES_PATH)).atPriority(10)
			.willReturn(TwilioFake.created().withFixedDelay(15)));
		return server;
	}
}
