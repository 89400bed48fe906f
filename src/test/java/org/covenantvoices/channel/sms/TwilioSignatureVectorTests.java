package org.covenantvoices.channel.sms;

import java.util.Map;

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
}
