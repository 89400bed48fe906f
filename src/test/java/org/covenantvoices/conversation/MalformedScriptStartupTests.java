package org.covenantvoices.conversation;

import java.nio.file.Files;
import java.nio.file.Path;

import org.covenantvoices.support.Instance;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A broken script stops the service at start-up, saying where and why, instead of confusing people later. */
class MalformedScriptStartupTests {

	@Test
	void aMalformedScriptStopsStartUpWithFileLineAndReason(@TempDir Path dir) throws Exception {
		String script = Files.readString(Path.of("conversations/covenant-engagement.en.yaml"))
			.replace("    next: nation\n    text: |-", "    next: nowhere\n    text: |-");
		Path file = dir.resolve("covenant-engagement.en.yaml");
		Files.writeString(file, script);

		assertThatThrownBy(() -> Instance.start("covenant.conversation.scripts=" + dir)).satisfies(error -> {
			Throwable root = error;
			while (root.getCause() != null) {
				root = root.getCause();
			}
			assertThat(root.getMessage()).startsWith(file + ", line ")
				.contains("step answering_as goes next to nowhere, which is not a step in this script");
		});
	}

	@Test
	void changedWordingUnderAVersionAlreadyUsedIsRefused(@TempDir Path dir) throws Exception {
		// Make sure the packaged version is recorded first.
		try (Instance first = Instance.start()) {
			assertThat(first.context.isRunning()).isTrue();
		}
		String script = Files.readString(Path.of("conversations/covenant-engagement.en.yaml"))
			.replace("Which town, city or area?", "Which town or city?");
		Files.writeString(dir.resolve("covenant-engagement.en.yaml"), script);

		assertThatThrownBy(() -> Instance.start("covenant.conversation.scripts=" + dir))
			.isInstanceOf(org.covenantvoices.conversation.internal.ScriptException.class)
			.hasMessageContaining("the wording has changed since version")
			.hasMessageContaining("Give it a new version");
	}
}
