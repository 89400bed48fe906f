package org.covenantvoices.console.internal;

import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.Properties;

import org.springframework.context.annotation.Configuration;
import org.springframework.http.CacheControl;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Serves the GOV.UK Frontend webjar from this app: its styles and scripts under /assets/govuk/, and its fonts and
 * images where its stylesheet looks for them (/assets/fonts/, /assets/images/). Nothing comes from a CDN.
 */
@Configuration(proxyBeanMethods = false)
class AssetConfiguration implements WebMvcConfigurer {

	private static final String WEBJAR = "META-INF/maven/org.webjars.npm/govuk-frontend/pom.properties";

	private final String govuk = "classpath:/META-INF/resources/webjars/govuk-frontend/" + version() + "/dist/govuk/";

	@Override
	public void addResourceHandlers(ResourceHandlerRegistry registry) {
		CacheControl day = CacheControl.maxAge(Duration.ofDays(1)).cachePublic();
		registry.addResourceHandler("/assets/govuk/**").addResourceLocations(govuk).setCacheControl(day);
		registry.addResourceHandler("/assets/fonts/**").addResourceLocations(govuk + "assets/fonts/").setCacheControl(day);
		registry.addResourceHandler("/assets/images/**")
			.addResourceLocations(govuk + "assets/images/")
			.setCacheControl(day);
		registry.addResourceHandler("/assets/console/**")
			.addResourceLocations("classpath:/static/assets/console/")
			.setCacheControl(CacheControl.noCache());
	}

	/** The version of the webjar on the classpath, so that upgrading it is a change to the pom alone. */
	static String version() {
		try (InputStream in = AssetConfiguration.class.getClassLoader().getResourceAsStream(WEBJAR)) {
			if (in == null) {
				throw new IllegalStateException("The govuk-frontend webjar is not on the classpath");
			}
			Properties properties = new Properties();
			properties.load(in);
			return properties.getProperty("version");
		}
		catch (IOException e) {
			throw new IllegalStateException("Could not read the govuk-frontend webjar's version", e);
		}
	}
}
