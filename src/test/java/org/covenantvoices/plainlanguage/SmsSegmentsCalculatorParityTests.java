package org.covenantvoices.plainlanguage;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Our segment counter against Twilio's own calculator (the npm package sms-segments-calculator, run through Node):
 * a few hundred strings at the boundaries, with extension characters, emoji and Welsh, must count the same.
 * .ci/run installs the package; where Node is missing elsewhere, the test is skipped unless
 * -Dcovenant.require-node=true (as CI sets).
 */
class SmsSegmentsCalculatorParityTests {

	private static final Path TOOLS = Path.of("src/test/node");

	@Test
	void countsMatchTwiliosCalculator() throws Exception {
		boolean required = Boolean.getBoolean("covenant.require-node");
		boolean available = Files.isDirectory(TOOLS.resolve("node_modules/sms-segments-calculator")) && nodeRuns();
		if (required) {
			assertThat(available).as("Node and src/test/node/node_modules (npm ci --prefix src/test/node)").isTrue();
		}
		assumeTrue(available, "Node or sms-segments-calculator is not installed: run npm ci --prefix src/test/node");

		List<String> samples = samples();
		JsonNode theirs = node("segments.js", samples);
		assertThat(theirs.size()).isEqualTo(samples.size());
		List<String> differences = new ArrayList<>();
		for (int i = 0; i < samples.size(); i++) {
			SmsSegments ours = SmsSegments.of(samples.get(i));
			String ourEncoding = ours.encoding() == SmsSegments.Encoding.GSM_7 ? "GSM-7" : "UCS-2";
			int segments = theirs.get(i).get("segments").asInt();
			String encoding = theirs.get(i).get("encoding").asString();
			if (ours.segments() != segments || !ourEncoding.equals(encoding)) {
				differences.add("#" + i + " (" + samples.get(i).length() + " chars, starts "
						+ samples.get(i).substring(0, Math.min(12, samples.get(i).length())) + "): ours " + ours.segments()
						+ " " + ourEncoding + ", Twilio's " + segments + " " + encoding);
			}
		}
		assertThat(differences).as("%d of %d samples differ", differences.size(), samples.size()).isEmpty();
		assertThat(samples).hasSizeGreaterThan(300);
	}

	/** The console counts segments live as an organiser types (sms-segments.mjs): it must say what the server says. */
	@Test
	void theConsolesLiveCountMatchesOurs() throws Exception {
		boolean required = Boolean.getBoolean("covenant.require-node");
		boolean available = nodeRuns();
		if (required) {
			assertThat(available).as("Node").isTrue();
		}
		assumeTrue(available, "Node is not installed");
		List<String> samples = samples();
		samples.add("You've answered 3 of 6. Reply to carry on. Rydych wedi ateb 3 o 6. Diolch yn fawr iawn, Siân!");
		JsonNode console = node("console-segments.mjs", samples);
		List<String> differences = new ArrayList<>();
		for (int i = 0; i < samples.size(); i++) {
			SmsSegments ours = SmsSegments.of(samples.get(i));
			String ourEncoding = ours.encoding() == SmsSegments.Encoding.GSM_7 ? "GSM-7" : "UCS-2";
			JsonNode theirs = console.get(i);
			if (ours.segments() != theirs.get("segments").asInt() || !ourEncoding.equals(theirs.get("encoding").asString())
					|| ours.units() != theirs.get("units").asInt() || ours.remaining() != theirs.get("remaining").asInt()) {
				differences.add("#" + i + ": server " + ours + ", console " + theirs);
			}
		}
		assertThat(differences).as("%d of %d samples differ", differences.size(), samples.size()).isEmpty();
	}

	static List<String> samples() {
		List<String> out = new ArrayList<>();
		String[] units = { "a", "€", "[", "ŵ", "ŷ", "â", "’", "😀", "é", "\n", "~", "Ç", "ü", "—", " " };
		for (String unit : units) {
			for (int n : new int[] { 1, 69, 70, 71, 80, 81, 133, 134, 152, 153, 154, 159, 160, 161, 306, 307 }) {
				out.add(unit.repeat(n));
				out.add(unit + "a".repeat(n));
			}
		}
		Random random = new Random(20261128);
		String pool = "abcdefghijklmnopqrstuvwxyz ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789.,!?'-@£$€[]{}~^|\\ŵŷâêîôû😀🏴󠁧󠁢󠁷󠁬󠁳󠁿";
		int[] codePoints = pool.codePoints().toArray();
		for (int i = 0; i < 100; i++) {
			StringBuilder text = new StringBuilder();
			int length = 1 + random.nextInt(330);
			boolean plain = random.nextBoolean();
			for (int j = 0; j < length; j++) {
				int cp = codePoints[random.nextInt(plain ? 63 : codePoints.length)];
				text.appendCodePoint(cp);
			}
			out.add(text.toString());
		}
		return out;
	}

	/** Runs one of the Node scripts: the samples as JSON on its input, its answer as JSON on its output. */
	private static JsonNode node(String script, List<String> samples) throws Exception {
		JsonMapper json = JsonMapper.builder().build();
		Process node = new ProcessBuilder("node", TOOLS.resolve(script).toString()).start();
		node.getOutputStream().write(json.writeValueAsString(samples).getBytes(StandardCharsets.UTF_8));
		node.getOutputStream().close();
		String output = new String(node.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		assertThat(node.waitFor(60, TimeUnit.SECONDS)).isTrue();
		assertThat(node.exitValue()).as(new String(node.getErrorStream().readAllBytes(), StandardCharsets.UTF_8))
			.isZero();
		return json.readTree(output);
	}

	private static boolean nodeRuns() {
		try {
			Process p = new ProcessBuilder("node", "--version").start();
			return p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0;
		}
		catch (IOException e) {
			return false;
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			return false;
		}
	}
}
