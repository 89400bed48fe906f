package org.covenantvoices.console;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.covenantvoices.support.Client;
import org.covenantvoices.support.IntegrationTest;
import org.covenantvoices.support.WebSession;
import org.covenantvoices.support.WebSession.Page;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.crypto.password.PasswordEncoder;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The simulator page without JavaScript (a form that posts, and a thread drawn on the server from the session) and
 * with it (the same form sent in the background for JSON), in English and in Welsh, writing to the real record.
 */
class SimulatorPageTests extends IntegrationTest {

	@Autowired
	PasswordEncoder encoder;

	private WebSession organiser;

	@BeforeEach
	void signIn() {
		organiser = WebSession.signedIn("http://localhost:" + port,
				ConsoleUsersFixture.user(jdbc, encoder, "simulator-organiser", Role.ORGANISER),
				ConsoleUsersFixture.PASSWORD);
		organiser.get("/simulator");
		organiser.post("/simulator/new", Map.of());
	}

	@Test
	void withoutJavaScriptEachMessageIsAFormPostAndTheThreadComesBackFromTheSession() {
		Page empty = organiser.get("/simulator");
		assertThat(empty.text()).contains("No messages yet", "Your pretend number is 07700 900");

		Page sent = send("Hi");
		assertThat(sent.status()).isEqualTo(302);
		assertThat(sent.location()).endsWith("/simulator#message");
		Page thread = organiser.follow(sent);
		assertThat(thread.text()).contains("You: Hi", "Covenant Voices: Hi! This is Covenant Voices",
				"Reply YES to start");

		send("yes");
		send("1");
		send("4");
		send("Belfast");
		send("not sure");
		String page = organiser.follow(send("Simulator page answer from Northern Ireland")).text();
		assertThat(page).contains("Question 2 of 6");
		JsonNode record = client.asAdmin("/api/contributions?source=simulator&nation=northern_ireland&questionId=Q1"
				+ "&size=500").json();
		assertThat(record.get("items").valueStream())
			.anySatisfy(item -> assertThat(item.get("text").asString()).isEqualTo("Simulator page answer from Northern Ireland"));
	}

	@Test
	void welshRepliesAreMarkedAsWelsh() {
		send("Helo");
		Page welsh = organiser.follow(send("CYMRAEG"));
		assertThat(welsh.body()).containsPattern("<li class=\"cv-bubble cv-bubble--bot\"\\s+lang=\"cy\">")
			.contains("Atebwch IE i ddechrau");
		send("ie");
		assertThat(organiser.follow(send("ENGLISH")).text()).contains("Are you answering");
	}

	@Test
	void withJavaScriptTheSameFormAnswersWithTheNewBubbles() {
		Page json = organiser.postRaw("/simulator", Map.of("message", "Hi", "_csrf", organiser.csrfToken()),
				Map.of("X-Requested-With", "simulator", "Accept", "application/json"));
		assertThat(json.status()).isEqualTo(200);
		JsonNode body = Client.JSON.readTree(json.body());
		assertThat(body.get("bubbles").get(0).get("from").asString()).isEqualTo("person");
		assertThat(body.get("bubbles").get(1).get("from").asString()).isEqualTo("bot");
		assertThat(body.get("bubbles").get(1).get("text").asString()).startsWith("Hi! This is Covenant Voices");
		assertThat(organiser.get("/simulator").text()).as("the thread is the same without JavaScript")
			.contains("You: Hi", "Covenant Voices: Hi! This is Covenant Voices");

		Page blank = organiser.postRaw("/simulator", Map.of("message", " ", "_csrf", organiser.csrfToken()),
				Map.of("X-Requested-With", "simulator", "Accept", "application/json"));
		assertThat(blank.status()).isEqualTo(400);
		assertThat(Client.JSON.readTree(blank.body()).get("error").asString()).isEqualTo("Enter a message to send");
	}

	@Test
	void anEmptyMessageIsExplainedInTheErrorSummary() {
		Page page = organiser.follow(send(""));
		assertThat(page.body()).contains("<title>Error: Simulator - Covenant Voices</title>", "href=\"#message\"");
		assertThat(page.text()).contains("There is a problem", "Enter a message to send");
	}

	@Test
	void startingAgainGivesANewNumberAndAnEmptyThread() {
		send("Hi");
		String before = number(organiser.get("/simulator"));
		organiser.post("/simulator/new", Map.of());
		Page after = organiser.get("/simulator");
		assertThat(number(after)).isNotEqualTo(before);
		assertThat(after.text()).contains("No messages yet");
	}

	private Page send(String message) {
		return organiser.post("/simulator", Map.of("message", message));
	}

	private static String number(Page page) {
		Matcher m = Pattern.compile("Your pretend number is (07700 \\d+ \\(\\d+\\))").matcher(page.text());
		assertThat(m.find()).isTrue();
		return m.group(1);
	}
}
