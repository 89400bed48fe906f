package org.covenantvoices.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.WebDriverWait;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Real headless Chromium (Debian's chromium and chromium-driver) driven by Selenium, with axe-core for accessibility
 * checks and full-page screenshots under target/screenshots/. Tests using it are skipped where Chromium is not
 * installed, unless -Dcovenant.require-browser=true (as CI sets), which makes a missing browser a failure.
 */
public final class Browser implements AutoCloseable {

	public static final Path SCREENSHOTS = Path.of("target", "screenshots");

	public static final Path AXE_REPORT = Path.of("target", "axe-report.md");

	private static final Path CHROMIUM = Path.of(System.getProperty("covenant.chromium", "/usr/bin/chromium"));

	private static final Path CHROMEDRIVER = Path.of(System.getProperty("covenant.chromedriver",
			"/usr/bin/chromedriver"));

	private final ChromeDriver driver;

	private final Path profile;

	private final String base;

	private Browser(ChromeDriver driver, Path profile, String base) {
		this.driver = driver;
		this.profile = profile;
		this.base = base;
	}

	/** Skips the calling test where there is no Chromium, unless CI requires one. */
	public static void assumeInstalled() {
		boolean available = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
		if (Boolean.getBoolean("covenant.require-browser") && !available) {
			fail("Chromium is required (-Dcovenant.require-browser=true) but " + CHROMIUM + " or " + CHROMEDRIVER
					+ " is missing: apt-get install chromium chromium-driver");
		}
		assumeTrue(available, "Chromium is not installed: apt-get install chromium chromium-driver");
	}

	/**
	 * @param javaScript false to browse as someone with JavaScript switched off
	 */
	public static Browser start(String base, boolean javaScript) {
		assumeInstalled();
		try {
			Path profile = Files.createTempDirectory("cv-chromium");
			ChromeOptions options = new ChromeOptions();
			options.setBinary(CHROMIUM.toFile());
			// The network here is closed: without these Chromium waits on look-ups it cannot make.
			options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
					"--disable-quic", "--no-first-run", "--disable-background-networking",
					"--disable-component-update", "--disable-sync", "--disable-extensions",
					"--user-data-dir=" + profile.toAbsolutePath(), "--window-size=1280,1000", "--lang=en-GB");
			if (!javaScript) {
				options.setExperimentalOption("prefs", Map.of("profile.managed_default_content_settings.javascript", 2));
			}
			ChromeDriverService service = new ChromeDriverService.Builder()
				.usingDriverExecutable(CHROMEDRIVER.toFile())
				.usingAnyFreePort()
				.build();
			ChromeDriver driver = new ChromeDriver(service, options);
			driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
			return new Browser(driver, profile, base);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	public ChromeDriver driver() {
		return driver;
	}

	public void open(String path) {
		driver.get(base + path);
	}

	public String path() {
		return driver.getCurrentUrl().substring(base.length());
	}

	public WebElement find(String css) {
		return driver.findElement(By.cssSelector(css));
	}

	public List<WebElement> findAll(String css) {
		return driver.findElements(By.cssSelector(css));
	}

	public String text(String css) {
		return find(css).getText();
	}

	public WebDriverWait waitUpTo(Duration timeout) {
		return new WebDriverWait(driver, timeout);
	}

	/** Presses keys as a keyboard would, into whatever has focus. */
	public void press(CharSequence... keys) {
		new Actions(driver).sendKeys(keys).perform();
	}

	/** Presses Tab until the element matching the selector has focus; fails after a bounded number of presses. */
	public WebElement tabTo(String css) {
		WebElement target = find(css);
		for (int i = 0; i < 80; i++) {
			if (target.equals(focused())) {
				return target;
			}
			press(Keys.TAB);
		}
		throw new AssertionError("could not reach " + css + " with the Tab key on " + path());
	}

	public WebElement focused() {
		return driver.switchTo().activeElement();
	}

	public Object script(String script, Object... args) {
		return ((JavascriptExecutor) driver).executeScript(script, args);
	}

	/** A screenshot of the whole page, as target/screenshots/NAME.png. */
	public Path screenshot(String name) {
		try {
			Files.createDirectories(SCREENSHOTS);
			Path file = SCREENSHOTS.resolve(name + ".png");
			script("window.scrollTo(0, 0)");
			Object height = script("return Math.max(document.body.scrollHeight, document.documentElement.scrollHeight)");
			var size = driver.manage().window().getSize();
			int full = Math.min(6000, ((Number) height).intValue() + 40);
			driver.manage().window().setSize(new org.openqa.selenium.Dimension(size.getWidth(), Math.max(full, 600)));
			try {
				Files.write(file, driver.getScreenshotAs(OutputType.BYTES));
			}
			finally {
				driver.manage().window().setSize(size);
			}
			return file;
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	/**
	 * Runs axe-core (every WCAG 2.0, 2.1 and 2.2 A and AA rule, plus best practice) on the page as it stands.
	 */
	public AxeResult axe(String page) {
		Results results = new AxeBuilder().analyze(driver);
		List<Rule> violations = results.getViolations() == null ? List.of() : results.getViolations();
		return new AxeResult(page, path(), violations, results.getPasses() == null ? 0 : results.getPasses().size());
	}

	/**
	 * @param passes how many rules the page passed
	 */
	public record AxeResult(String page, String path, List<Rule> violations, int passes) {

		public List<Rule> seriousOrCritical() {
			return violations.stream()
				.filter(rule -> "serious".equals(rule.getImpact()) || "critical".equals(rule.getImpact()))
				.toList();
		}

		public String describe(List<Rule> rules) {
			List<String> lines = new ArrayList<>();
			for (Rule rule : rules) {
				lines.add(rule.getImpact() + " " + rule.getId() + ": " + rule.getHelp() + " ("
						+ rule.getNodes().size() + " elements: " + rule.getNodes()
							.stream()
							.limit(3)
							.map(node -> String.valueOf(node.getTarget()))
							.collect(Collectors.joining(", "))
						+ ")");
			}
			return String.join("\n", lines);
		}
	}

	@Override
	public void close() {
		try {
			driver.quit();
		}
		finally {
			try (var files = Files.walk(profile)) {
				files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
			}
			catch (IOException e) {
				// a temporary profile; the OS cleans up what is left
			}
		}
	}
}
