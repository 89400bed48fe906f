package org.covenantvoices.channel.sms;

import java.util.Map;
import java.util.Random;

import com.twilio.security.RequestValidator;
import org.covenantvoices.support.TwilioFake;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Twilio's published example (https://www.twilio.com/docs/usage/security), checked both ways. */
class TwilioSignatureVectorTests {

	static final String TOKEN = "12345";

	static final String URL = "https://mycompany.com/myapp.php?foo=1&bar=2";

	static final String URL_WITH_PORT = "https://mycompany.com:443/myapp.php?foo=1&bar=2";

	static final Map<String, String> PARAMS = Map.of("CallSid", "CA1234567890ABCDE", "Caller", "+14158675309", "Digits",
			"1234", "From", "+14158675309", "To", "+18005551212");

	@Test
	void theTestSignerReproducesThePublishedSignatures() {
		assertThat(TwilioFake.signature(TOKEN, URL, PARAMS)).isEqualTo("RSOYDt4T1cUTdK1PDd93/VVr8B8=");
		assertThat(TwilioFake.signature(TOKEN, URL_WITH_PORT, PARAMS)).isEqualTo("kvajT1Ptam85bY51eRf/AJRuM3w=");
	}

	@Test
	void theSdkValidatorAcceptsThemWithOrWithoutTheDefaultPort() {
		RequestValidator validator = new RequestValidator(TOKEN);
		assertThat(validator.validate(URL, PARAMS, "RSOYDt4T1cUTdK1PDd93/VVr8B8=")).isTrue();
		assertThat(validator.validate(URL, PARAMS, "kvajT1Ptam85bY51eRf/AJRuM3w=")).isTrue();
		assertThat(validator.validate(URL_WITH_PORT, PARAMS, "RSOYDt4T1cUTdK1PDd93/VVr8B8=")).isTrue();
		assertThat(validator.validate(URL, Map.of("CallSid", "CA1234567890ABCDE"), "RSOYDt4T1cUTdK1PDd93/VVr8B8="))
			.isFalse();
		assertThat(new RequestValidator("12346").validate(URL, PARAMS, "RSOYDt4T1cUTdK1PDd93/VVr8B8=")).isFalse();
	}

	@Test
	void oursAcceptsThemTooAndRefusesTheSameAsTheSdk() {
		TwilioSignatures ours = new TwilioSignatures(TOKEN);
		assertThat(ours.valid(URL, PARAMS, "RSOYDt4T1cUTdK1PDd93/VVr8B8=")).isTrue();
		assertThat(ours.valid(URL, PARAMS, "kvajT1Ptam85bY51eRf/AJRuM3w=")).isTrue();
		assertThat(ours.valid(URL_WITH_PORT, PARAMS, "RSOYDt4T1cUTdK1PDd93/VVr8B8=")).isTrue();
		assertThat(ours.valid(URL, Map.of("CallSid", "CA1234567890ABCDE"), "RSOYDt4T1cUTdK1PDd93/VVr8B8=")).isFalse();
		assertThat(new TwilioSignatures("12346").valid(URL, PARAMS, "RSOYDt4T1cUTdK1PDd93/VVr8B8=")).isFalse();
		// The same signature without its padding is not accepted, as the SDK compares the text.
		assertThat(ours.valid(URL, PARAMS, "RSOYDt4T1cUTdK1PDd93/VVr8B8")).isFalse();
	}

	/** Random addresses, fields (surrogates, NUL, empty values) and signatures: ours says what the SDK says, every time. */
	@Test
	void oursAgreesWithTheSdkOnRandomRequests() {
		Random random = new Random(20261129);
		String token = "tok" + random.nextInt(1000);
		RequestValidator sdk = new RequestValidator(token);
		TwilioSignatures ours = new TwilioSignatures(token);
		String[] bases = { "https://voices.example.test", "https://voices.example.test:443", "http://localhost:8080",
				"http://localhost", "https://voices.example.test:8443" };
		String[] paths = { "/webhooks/twilio/sms", "/webhooks/twilio/status", "/webhooks/twilio/sms?a=1&b=%20x",
				"/w%C3%A9b?q=\u00e9" };
		int accepted = 0;
		for (int i = 0; i < 2_000; i++) {
			String url = bases[random.nextInt(bases.length)] + paths[random.nextInt(paths.length)];
			Map<String, String> params = new java.util.HashMap<>();
			for (int f = random.nextInt(6); f > 0; f--) {
				params.put(text(random, 1 + random.nextInt(12)), text(random, random.nextInt(40)));
			}
			String signedFor = switch (random.nextInt(4)) {
				case 0 -> url;
				case 1 -> bases[random.nextInt(bases.length)] + paths[random.nextInt(paths.length)];
				case 2 -> url.replace(".test/", ".test:443/").replace("localhost/", "localhost:80/");
				default -> url.replace(":443/", "/").replace(":8080/", "/");
			};
			String signature = random.nextInt(10) == 0 ? text(random, 28) : TwilioFake.signature(token, signedFor, params);
			boolean expected = sdk.validate(url, params, signature);
			assertThat(ours.valid(url, params, signature)).as("%s signed for %s with %s", url, signedFor, params)
				.isEqualTo(expected);
			accepted += expected ? 1 : 0;
		}
		assertThat(accepted).as("cases the SDK accepted").isBetween(400, 1_900);
	}

	private static String text(Random random, int length) {
		StringBuilder text = new StringBuilder();
		for (int i = 0; i < length; i++) {
			int kind = random.nextInt(10);
			text.append(kind < 6 ? (char) ('a' + random.nextInt(26))
					: kind == 6 ? (char) (0xD800 + random.nextInt(0x800)) // a lone surrogate, high or low
					: kind == 7 ? '\u0000' : kind == 8 ? 'ŵ' : '+');
		}
		return text.toString();
	}
}
