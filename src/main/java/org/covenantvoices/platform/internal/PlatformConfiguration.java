package org.covenantvoices.platform.internal;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.apache.commons.pool2.impl.GenericObjectPoolConfig;
import org.covenantvoices.platform.Deployment;
import org.covenantvoices.platform.RedisKeys;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.type.AnnotatedTypeMetadata;
import redis.clients.jedis.Connection;
import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.RedisClient;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.util.JedisURIHelper;

@Configuration(proxyBeanMethods = false)
class PlatformConfiguration {

	@Bean
	Deployment deployment(DatabaseProperties database, @Value("${covenant.data-dir:./data}") Path dataDir) {
		return new Deployment(!database.external(), dataDir.toAbsolutePath().normalize());
	}

	@Bean(destroyMethod = "close")
	@Conditional(NoDatabaseUrl.class)
	EmbeddedPostgresServer embeddedPostgres(Deployment deployment) {
		return EmbeddedPostgresServer.start(deployment.dataDir());
	}

	@Bean(destroyMethod = "close")
	DataSource dataSource(DatabaseProperties properties, ObjectProvider<EmbeddedPostgresServer> embedded) {
		HikariConfig config = new HikariConfig();
		if (properties.external()) {
			config.setJdbcUrl(properties.url());
			if (properties.username() != null && !properties.username().isBlank()) {
				config.setUsername(properties.username());
			}
			if (properties.password() != null && !properties.password().isBlank()) {
				config.setPassword(properties.password());
			}
		}
		else {
			config.setJdbcUrl(embedded.getObject().jdbcUrl());
		}
		config.setPoolName("covenant");
		config.setMaximumPoolSize(16);
		// A database that is down must turn into a quick 503, not a request hanging for 30 s.
		config.setConnectionTimeout(Duration.ofSeconds(5).toMillis());
		config.setValidationTimeout(Duration.ofSeconds(2).toMillis());
		return new HikariDataSource(config);
	}

	@Bean(destroyMethod = "close")
	@Conditional(NoRedisUrl.class)
	EmbeddedRedisServer embeddedRedis(Deployment deployment) {
		return EmbeddedRedisServer.start(deployment.dataDir());
	}

	@Bean(destroyMethod = "close")
	UnifiedJedis redis(RedisProperties properties, ObjectProvider<EmbeddedRedisServer> embedded) {
		URI uri = URI.create(properties.external() ? properties.url() : embedded.getObject().url());
		if (!JedisURIHelper.isValid(uri)) {
			throw new IllegalStateException("REDIS_URL is not a valid redis:// URL: " + properties.url());
		}
		DefaultJedisClientConfig.Builder client = DefaultJedisClientConfig.builder()
			.connectionTimeoutMillis(2000)
			.socketTimeoutMillis(2000)
			.database(JedisURIHelper.getDBIndex(uri))
			.ssl(JedisURIHelper.isRedisSSLScheme(uri))
			.clientName("covenant-voices");
		String user = JedisURIHelper.getUser(uri);
		String password = JedisURIHelper.getPassword(uri);
		if (user != null) {
			client.user(user);
		}
		if (password != null) {
			client.password(password);
		}
		GenericObjectPoolConfig<Connection> pool = new GenericObjectPoolConfig<>();
		pool.setMaxTotal(64);
		pool.setMaxIdle(64);
		pool.setMinIdle(2);
		pool.setMaxWait(Duration.ofSeconds(2));
		return RedisClient.builder()
			.hostAndPort(new HostAndPort(uri.getHost(), uri.getPort() > 0 ? uri.getPort() : 6379))
			.clientConfig(client.build())
			.poolConfig(pool)
			.build();
	}

	@Bean
	RedisKeys redisKeys(RedisProperties properties) {
		return new RedisKeys(properties.namespace());
	}

	static class NoDatabaseUrl implements Condition {

		@Override
		public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
			String url = context.getEnvironment().getProperty("covenant.database.url");
			return url == null || url.isBlank();
		}
	}

	static class NoRedisUrl implements Condition {

		@Override
		public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
			String url = context.getEnvironment().getProperty("covenant.redis.url");
			return url == null || url.isBlank();
		}
	}
}
