package org.covenantvoices.conversation.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The conversation scripts: the current one per language, and every earlier version still in use. Every version is
 * stored in PostgreSQL the first time it is loaded, so a conversation can finish on the version it started on.
 */
@Component
class Scripts implements SmartInitializingSingleton {

	private static final Logger log = LoggerFactory.getLogger(Scripts.class);

	private final JdbcClient jdbc;

	private final Map<String, ConversationScript> current = new LinkedHashMap<>();

	private final Map<String, ConversationScript> versions = new ConcurrentHashMap<>();

	private final String defaultLanguage;

	Scripts(ConversationProperties properties, JdbcClient jdbc) {
		this.jdbc = jdbc;
		this.defaultLanguage = properties.defaultLanguage();
		for (ConversationScript script : load(properties.scripts())) {
			ConversationScript other = current.put(script.language(), script);
			if (other != null) {
				throw new ScriptException(script.source(), 0, "there is already a script in " + script.language()
						+ " (" + other.source() + "); keep one file per language");
			}
		}
		if (current.isEmpty()) {
			throw new ScriptException(String.valueOf(properties.scripts()), 0, "no conversation scripts (*.yaml) found");
		}
		if (!current.containsKey(defaultLanguage)) {
			throw new ScriptException(String.valueOf(properties.scripts()), 0,
					"there is no script in the default language " + defaultLanguage);
		}
		String family = current.get(defaultLanguage).script();
		for (ConversationScript script : current.values()) {
			if (!script.script().equals(family)) {
				throw new ScriptException(script.source(), 0, "this is script " + script.script() + ", but the "
						+ defaultLanguage + " one is " + family + "; each language must be the same script");
			}
			versions.put(key(script.language(), script.version()), script);
		}
	}

	/** Records each script version once, and refuses changed wording under a version that was already used. */
	@Override
	public void afterSingletonsInstantiated() {
		for (ConversationScript script : current.values()) {
			jdbc.sql("INSERT INTO conversation_scripts (script, language, version, sha256, content, source) "
					+ "VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING")
				.params(script.script(), script.language(), script.version(), script.sha256(), script.content(),
						script.source())
				.update();
			String stored = jdbc.sql("SELECT sha256 FROM conversation_scripts WHERE script = ? AND language = ? "
					+ "AND version = ?")
				.params(script.script(), script.language(), script.version())
				.query(String.class)
				.single();
			if (!stored.equals(script.sha256())) {
				throw new ScriptException(script.source(), 0, "the wording has changed since version "
						+ script.version() + " was first used. Give it a new version, so that the record shows "
						+ "which words people saw");
			}
			log.info("Conversation script {} ({}) version {} from {}", script.script(), script.language(),
					script.version(), script.source());
		}
	}

	ConversationScript current(String language) {
		ConversationScript script = current.get(language);
		return script != null ? script : current.get(defaultLanguage);
	}

	String defaultLanguage() {
		return defaultLanguage;
	}

	Set<String> languages() {
		return current.keySet();
	}

	/** The version a session started on; the current one where that version is unknown. */
	ConversationScript version(String language, String version) {
		ConversationScript script = versions.get(key(language, version));
		if (script != null) {
			return script;
		}
		ConversationScript base = current(language);
		Optional<ConversationScript> stored = jdbc
			.sql("SELECT content, source FROM conversation_scripts WHERE script = ? AND language = ? AND version = ?")
			.params(base.script(), language, version)
			.query((rs, n) -> ScriptParser.parse(rs.getString("source") + " (version " + version + ")",
					rs.getString("content")))
			.optional();
		stored.ifPresent(s -> versions.put(key(language, version), s));
		return stored.orElse(base);
	}

	/** The language whose LANGUAGE command word this is, if any. */
	Optional<String> languageFor(String normalised) {
		return current.values()
			.stream()
			.filter(s -> s.words(Command.LANGUAGE).contains(normalised))
			.map(ConversationScript::language)
			.findFirst();
	}

	/** Command words of every language count in every language: a Welsh STOPIO stops an English conversation. */
	Optional<Command> command(String normalised) {
		if (normalised.isEmpty()) {
			return Optional.empty();
		}
		for (ConversationScript script : current.values()) {
			for (Command command : Command.values()) {
				if (script.words(command).contains(normalised)) {
					return Optional.of(command);
				}
			}
		}
		return Optional.empty();
	}

	Iterable<ConversationScript> all() {
		return current.values();
	}

	private static String key(String language, String version) {
		return language + "@" + version;
	}

	private static List<ConversationScript> load(String location) {
		List<ConversationScript> scripts = new ArrayList<>();
		Path dir = location != null && !location.isBlank() ? Path.of(location) : Path.of("conversations");
		if (Files.isDirectory(dir)) {
			try (Stream<Path> files = Files.list(dir)) {
				for (Path file : files.filter(f -> f.toString().endsWith(".yaml") || f.toString().endsWith(".yml"))
					.sorted(Comparator.naturalOrder())
					.toList()) {
					scripts.add(ScriptParser.parse(file.toString(), Files.readString(file, StandardCharsets.UTF_8)));
				}
			}
			catch (IOException e) {
				throw new ScriptException(dir.toString(), 0, "could not be read: " + e.getMessage());
			}
			return scripts;
		}
		if (location != null && !location.isBlank()) {
			throw new ScriptException(location, 0, "is not a folder of conversation scripts");
		}
		try {
			Resource[] resources = new PathMatchingResourcePatternResolver()
				.getResources("classpath*:conversations/*.yaml");
			for (Resource resource : resources) {
				try (InputStream in = resource.getInputStream()) {
					scripts.add(ScriptParser.parse("conversations/" + resource.getFilename(),
							new String(in.readAllBytes(), StandardCharsets.UTF_8)));
				}
			}
		}
		catch (IOException e) {
			throw new ScriptException("classpath:conversations", 0, "could not be read: " + e.getMessage());
		}
		return scripts;
	}
}
