package org.covenantvoices.channel.sms;

import java.net.URI;
import java.net.URL;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import com.twilio.http.NetworkHttpClient;
import com.twilio.http.Request;
import com.twilio.http.Response;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.HttpClientBuilder;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.io.SocketConfig;
import org.apache.hc.core5.util.Timeout;

/**
 * The SDK's own HTTP client, pointed at {@code TWILIO_API_BASE_URL} (the SDK has no setting for it) and making exactly
 * one attempt per send: the SDK would otherwise repeat a 5xx at once, which could send a message twice. Retrying is
 * the outbox's job. It keeps the last answer's status and Retry-After for the calling thread.
 */
class TwilioHttpClient extends NetworkHttpClient {

	/** What the last request on this thread got back, for typing errors the SDK reports only as text. */
	record LastAnswer(int status, String retryAfter) {
	}

	private static final ThreadLocal<LastAnswer> last = new ThreadLocal<>();

	private final URI base;

	TwilioHttpClient(String baseUrl, Duration connectTimeout, Duration responseTimeout) {
		super(HttpClientBuilder.create()
			// Apache's client would repeat some requests (a 429 or 503 with Retry-After) by itself: never here.
			.disableAutomaticRetries()
			.setDefaultRequestConfig(RequestConfig.custom()
				.setConnectionRequestTimeout(Timeout.ofSeconds(5))
				.setResponseTimeout(Timeout.of(responseTimeout))
				.build())
			.setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create()
				.setDefaultConnectionConfig(ConnectionConfig.custom()
					.setConnectTimeout(Timeout.of(connectTimeout))
					.setSocketTimeout(Timeout.of(responseTimeout))
					.build())
				.setDefaultSocketConfig(SocketConfig.custom().setSoTimeout(Timeout.of(responseTimeout)).build())
				.setMaxConnTotal(20)
				.setMaxConnPerRoute(20)
				.build()));
		this.base = URI.create(baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl);
	}

	static void forget() {
		last.remove();
	}

	static LastAnswer lastAnswer() {
		return last.get();
	}

	@Override
	public Response reliableRequest(Request request) {
		return makeRequest(request);
	}

	@Override
	public Response reliableRequest(Request request, int[] retryCodes, int retries, long delayMillis) {
		return makeRequest(request);
	}

	@Override
	public Response makeRequest(Request request) {
		Response response = super.makeRequest(rebased(request));
		String retryAfter = null;
		for (Header header : response.getHeaders() == null ? new Header[0] : response.getHeaders()) {
			if ("Retry-After".equalsIgnoreCase(header.getName())) {
				retryAfter = header.getValue();
			}
		}
		last.set(new LastAnswer(response.getStatusCode(), retryAfter));
		return response;
	}

	private Request rebased(Request request) {
		URL original = request.constructURL();
		if (original.getHost().equals(base.getHost()) && original.getPort() == base.getPort()
				&& original.getProtocol().equals(base.getScheme())) {
			return request;
		}
		// constructURL() carries the query already; the copy takes it as its URL and gets no query params of its own.
		String path = original.getFile();
		Request copy = new Request(request.getMethod(), base + path);
		copyInto(request.getPostParams(), copy::addPostParam);
		copyInto(request.getHeaderParams(), copy::addHeaderParam);
		if (request.getAuthStrategy() != null) {
			copy.setAuth(request.getAuthStrategy());
		}
		else if (request.getUsername() != null) {
			copy.setAuth(request.getUsername(), request.getPassword());
		}
		if (request.getContentType() != null) {
			copy.setContentType(request.getContentType());
		}
		if (request.getBody() != null) {
			copy.setBody(request.getBody());
		}
		return copy;
	}

	private static void copyInto(Map<String, List<String>> from, java.util.function.BiConsumer<String, String> to) {
		from.forEach((name, values) -> values.forEach(value -> to.accept(name, value)));
	}
}
