package org.covenantvoices.support;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.github.tomakehurst.wiremock.stubbing.StubMapping;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

/** Twilio's REST API as WireMock plays it, and Twilio's side of the webhooks: signing what it sends us. */
public final class TwilioFake {

	public static final String MESSAGES_PATH = "/2010-04-01/Accounts/" + ChannelTest.ACCOUNT_SID + "/Messages.json";

	private final WireMockServer server;

	public TwilioFake(WireMockServer server) {
		this.server = server;
	}

	/** Every message is accepted, as Twilio does, with a new sid. */
	public void acceptMessages() {
		server.stubFor(post(urlPathEqualTo(MESSAGES_PATH)).atPriority(10)
			.willReturn(created()));
	}

	public static ResponseDefinitionBuilder created() {
		return aResponse().withStatus(201)
			.withHeader("Content-Type", "application/json")
			.withBody("{\"sid\": \"SM{{randomValue length=32 type='ALPHANUMERIC'}}\", \"status\": \"queued\", "
					+ "\"num_segments\": \"1\", \"account_sid\": \"" + ChannelTest.ACCOUNT_SID + "\"}");
	}

	public static ResponseDefinitionBuilder error(int status, int code, String message) {
		return aResponse().withStatus(status)
			.withHeader("Content-Type", "application/json")
			.withBody("{\"code\": " + code + ", \"message\": \"" + message + "\", \"more_info\": "
					+ "\"https://www.twilio.com/docs/errors/" + code + "\", \"status\": " + status + "}");
	}

	/** Answers sends to one number this way, before the general stub. */
	public StubMapping answerFor(String to, ResponseDefinitionBuilder response) {
		return server.stubFor(forNumber(to).atPriority(1).willReturn(response));
	}

	public MappingBuilder forNumber(String to) {
		return post(urlPathEqualTo(MESSAGES_PATH)).withRequestBody(containing("To=" + encode(to)));
	}

	public StubMapping stub(MappingBuilder mapping) {
		return server.stubFor(mapping);
	}

	public void remove(StubMapping stub) {
		server.removeStub(stub);
	}

	/** Every send the fake received for a number (whatever it answered), oldest first. */
	public List<Map<String, String>> requestsTo(String to) {
		List<Map<String, String>> sends = new ArrayList<>();
		for (ServeEvent event : events()) {
			Map<String, String> form = form(event.getRequest().getBodyAsString());
			if (event.getRequest().getUrl().startsWith(MESSAGES_PATH) && to.equals(form.get("To"))) {
				sends.add(form);
			}
		}
		return sends;
	}

	/** The texts Twilio accepted for a number (answered 201): what the person's phone shows, oldest first. */
	public List<String> textsTo(String to) {
		List<String> texts = new ArrayList<>();
		for (ServeEvent event : events()) {
			Map<String, String> form = form(event.getRequest().getBodyAsString());
			if (event.getRequest().getUrl().startsWith(MESSAGES_PATH) && to.equals(form.get("To"))
					&& event.getResponse().getStatus() == 201) {
				texts.add(form.get("Body"));
			}
		}
		return texts;
	}

	private List<ServeEvent> events() {
		List<ServeEvent> events = new ArrayList<>(server.getAllServeEvents());
		events.sort((a, b) -> a.getRequest().getLoggedDate().compareTo(b.getRequest().getLoggedDate()));
		return events;
	}

	public static Map<String, String> form(String body) {
		Map<String, String> form = new LinkedHashMap<>();
		if (body == null || body.isEmpty()) {
			return form;
		}
		for (String pair : body.split("&")) {
			int eq = pair.indexOf('=');
			form.put(URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8),
					eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
		}
		return form;
	}

	static String encode(String value) {
		return java.net.URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

	/**
	 * Twilio's signature, computed as Twilio documents it: HMAC-SHA1 with the auth token over the URL followed by
	 * each POST field's name and value, sorted by name, in Base64.
	 */
	public static String signature(String authToken, String url, Map<String, String> params) {
		StringBuilder data = new StringBuilder(url);
		new TreeMap<>(params).forEach((name, value) -> data.append(name).append(value));
		try {
			Mac mac = Mac.getInstance("HmacSHA1");
			mac.init(new SecretKeySpec(authToken.getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
			return Base64.getEncoder().encodeToString(mac.doFinal(data.toString().getBytes(StandardCharsets.UTF_8)));
		}
		catch (java.security.GeneralSecurityException e) {
			throw new IllegalStateException(e);
		}
	}
}
