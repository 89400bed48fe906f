package org.covenantvoices.support;

import java.util.HashMap;
import java.util.Map;

import org.covenantvoices.CovenantVoicesApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/** Another running instance of the service, sharing the test run's PostgreSQL and Redis (or not, if told). */
public final class Instance implements AutoCloseable {

	public final ConfigurableApplicationContext context;

	public final Client client;

	private Instance(ConfigurableApplicationContext context) {
		this.context = context;
		int port = ((WebServerApplicationContext) context).getWebServer().getPort();
		this.client = new Client("http://localhost:" + port);
	}

	public static Instance start(String... overrides) {
		Map<String, String> properties = new HashMap<>(IntegrationTest.properties());
		properties.put("server.port", "0");
		for (String override : overrides) {
			int eq = override.indexOf('=');
			properties.put(override.substring(0, eq), override.substring(eq + 1));
		}
		// As command-line arguments, these win over application.yaml, as the test's own properties do.
		String[] args = properties.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue())
			.toArray(String[]::new);
		return new Instance(new SpringApplicationBuilder(CovenantVoicesApplication.class).run(args));
	}

	public <T> T bean(Class<T> type) {
		return context.getBean(type);
	}

	@Override
	public void close() {
		context.close();
	}
}
