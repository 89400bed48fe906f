package org.covenantvoices.support;

import java.util.ArrayList;
import java.util.List;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import tools.jackson.databind.JsonNode;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;

/** Telegram's Bot API as WireMock plays it. */
public final class TelegramFake {

	private static final String BOT = "/bot" + ChannelTest.BOT_TOKEN.replace(":", "%3A") + "/";

	private final WireMockServer server;

	public TelegramFake(WireMockServer server) {
		this.server = server;
	}

	public void acceptEverything() {
		server.stubFor(method("sendmessage").atPriority(10)
			.willReturn(ok("{\"message_id\": {{randomInt lower=1 upper=2000000000}}, \"date\": 1700000000, "
					+ "\"chat\": {\"id\": {{jsonPath request.body '$.chat_id'}}, \"type\": \"private\"}, "
					+ "\"text\": \"ok\"}")));
		server.stubFor(method("answercallbackquery").atPriority(10).willReturn(ok("true")));
		server.stubFor(method("setwebhook").atPriority(10).willReturn(ok("true")));
		server.stubFor(method("deletewebhook").atPriority(10).willReturn(ok("true")));
	}

	public static ResponseDefinitionBuilder ok(String result) {
		return aResponse().withStatus(200)
			.withHeader("Content-Type", "application/json")
			.withBody("{\"ok\": true, \"result\": " + result + "}");
	}

	public static ResponseDefinitionBuilder error(int code, String description, String parameters) {
		return aResponse().withStatus(code)
			.withHeader("Content-Type", "application/json")
			.withBody("{\"ok\": false, \"error_code\": " + code + ", \"description\": \"" + description + "\""
					+ (parameters == null ? "" : ", \"parameters\": " + parameters) + "}");
	}

	/** A Bot API method, however the client spells its case. */
	public MappingBuilder method(String name) {
		return post(urlPathMatching("(?i)/bot[^/]+/" + name));
	}

	public StubMapping answerFor(String chatId, ResponseDefinitionBuilder response) {
		return server.stubFor(method("sendmessage").atPriority(1)
			.withRequestBody(containing("\"chat_id\":\"" + chatId + "\""))
			.willReturn(response));
	}

	public void remove(StubMapping stub) {
		server.removeStub(stub);
	}

	/** Every call of a method, oldest first, as JSON bodies. */
	public List<JsonNode> calls(String methodName) {
		List<ServeEvent> events = new ArrayList<>(server.getAllServeEvents());
		events.sort((a, b) -> a.getRequest().getLoggedDate().compareTo(b.getRequest().getLoggedDate()));
		List<JsonNode> calls = new ArrayList<>();
		for (ServeEvent event : events) {
			String url = event.getRequest().getUrl().toLowerCase();
			if (url.endsWith("/" + methodName.toLowerCase())) {
				String body = event.getRequest().getBodyAsString();
				tools.jackson.databind.node.ObjectNode json;
				try {
					json = (tools.jackson.databind.node.ObjectNode) Client.JSON.readTree(body);
				}
				catch (RuntimeException notJson) {
					// Some methods (setWebhook) go as multipart forms: keep the raw text.
					json = Client.JSON.createObjectNode();
				}
				json.put("_status", event.getResponse().getStatus());
				json.put("_raw", body == null ? "" : body);
				calls.add(json);
			}
		}
		return calls;
	}

	/** The texts Telegram accepted for a chat: what the chat shows, oldest first, with their buttons. */
	public List<JsonNode> messagesTo(String chatId) {
		return calls("sendmessage").stream()
			.filter(call -> chatId.equals(call.path("chat_id").asString()) && call.get("_status").asInt() == 200)
			.toList();
	}

	public List<String> textsTo(String chatId) {
		return messagesTo(chatId).stream().map(call -> call.get("text").asString()).toList();
	}

	public List<JsonNode> sendsTo(String chatId) {
		return calls("sendmessage").stream().filter(call -> chatId.equals(call.path("chat_id").asString())).toList();
	}

	static String bot() {
		return BOT;
	}
}
