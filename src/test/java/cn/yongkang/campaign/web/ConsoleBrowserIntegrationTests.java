package cn.yongkang.campaign.web;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.jdbc.core.JdbcTemplate;

import cn.yongkang.campaign.support.CampaignJar;
import cn.yongkang.campaign.support.TestDatabase;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The console as its users meet it: the packaged jar's {@code serve} on PostgreSQL after
 * the sample nights ran (the last one failed on a blocked report folder), accounts made
 * with {@code user add}, and Debian's headless Chromium driven by Selenium. Each page is
 * saved under {@code target/screenshots/}.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ConsoleBrowserIntegrationTests {

	private static final String SAMPLE = Path.of("sample-input").toAbsolutePath().toString();

	private static final String JOBS = Path.of("jobs").toAbsolutePath().toString();

	private static final Path SCREENSHOTS = Path.of("target/screenshots");

	private static final String DONGCHENG = "330784001000";

	private static final String XICHENG = "330784002000";

	private static final Map<String, String> PASSWORDS = Map.of("op", "operator-pass-1", "office", "office-pass-12",
			"dc", "dongcheng-pass", "xc", "xicheng-pass-1");

	@TempDir
	static Path work;

	private static TestDatabase database;

	private static Process server;

	private static String base;

	private static WebDriver browser;

	private static Path blocked;

	/** Another township's feedback workbook link, seen by the operator. */
	private static final Map<String, String> feedbackLinks = new LinkedHashMap<>();

	@BeforeAll
	static void sampleNightsAccountsAndServer() throws Exception {
		database = TestDatabase.create();
		CampaignJar jar = new CampaignJar(work, database.environment());
		Path reports = work.resolve("reports");
		CampaignJar.Result backfill = jar.run("backfill", "--inbox", SAMPLE, "--from", "2022-10-02", "--to",
				"2022-10-03", "--jobs", JOBS, "--reports", reports.toString());
		assertThat(backfill.exitCode()).as(backfill.toString()).isZero();
		blocked = work.resolve("blocked");
		Files.writeString(blocked, "a file where the report folder should be");
		CampaignJar.Result failed = jar.run("run", "--inbox", SAMPLE, "--date", "2022-10-04", "--jobs", JOBS,
				"--reports", blocked.toString());
		assertThat(failed.exitCode()).as(failed.toString()).isEqualTo(1);
		addUser(jar, "op", "operator", null);
		addUser(jar, "office", "office", null);
		addUser(jar, "dc", "township", "东城");
		addUser(jar, "xc", "township", "西城街道");
		CampaignJar.Result tooShort = jar.runWithInput("short\n", "user", "add", "weak", "--role", "office");
		assertThat(tooShort.exitCode()).isEqualTo(1);
		assertThat(tooShort.stderr()).contains("at least 10 characters");
		assertThat(tooShort.stderr() + tooShort.stdout()).doesNotContain("short");

		Path serveFolder = Files.createDirectories(work.resolve("serve"));
		server = new CampaignJar(serveFolder, database.environment()).start("serve", "--port", "0", "--no-schedule",
				"--jobs", JOBS, "--inbox", SAMPLE, "--reports", reports.toString());
		base = "http://localhost:" + awaitPort(serveFolder.resolve(".stdout"));
		Files.createDirectories(SCREENSHOTS);
		browser = chromium();
	}

	private static void addUser(CampaignJar jar, String login, String role, String township) {
		List<String> args = new java.util.ArrayList<>(List.of("user", "add", login, "--role", role, "--jobs", JOBS));
		if (township != null) {
			args.addAll(List.of("--township", township));
		}
		CampaignJar.Result added = jar.runWithInput(PASSWORDS.get(login) + "\n", args.toArray(String[]::new));
		assertThat(added.exitCode()).as(added.toString()).isZero();
		assertThat(added.stdout() + added.stderr()).doesNotContain(PASSWORDS.get(login));
	}

	private static int awaitPort(Path stdout) throws Exception {
		Pattern port = Pattern.compile("Console running at http://localhost:(\\d+)/");
		long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
		while (System.nanoTime() < deadline) {
			Matcher matcher = port.matcher(Files.exists(stdout) ? Files.readString(stdout) : "");
			if (matcher.find()) {
				return Integer.parseInt(matcher.group(1));
			}
			assertThat(server.isAlive()).as("serve died: " + Files.readString(stdout.resolveSibling(".stderr")))
				.isTrue();
			Thread.sleep(500);
		}
		throw new IllegalStateException("serve did not start in 3 minutes");
	}

	private static WebDriver chromium() throws IOException {
		ChromeOptions options = new ChromeOptions();
		options.setBinary("/usr/bin/chromium");
		options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
				"--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
				"--window-size=1400,1000", "--lang=zh-CN",
				"--user-data-dir=" + Files.createTempDirectory(work, "chromium"));
		ChromeDriverService service = new ChromeDriverService.Builder()
			.usingDriverExecutable(new File("/usr/bin/chromedriver"))
			.usingAnyFreePort()
			.build();
		return new ChromeDriver(service, options);
	}

	@AfterAll
	static void stop() throws Exception {
		if (browser != null) {
			browser.quit();
		}
		if (server != null) {
			server.destroy();
			if (!server.waitFor(1, TimeUnit.MINUTES)) {
				server.destroyForcibly();
			}
		}
		if (database != null) {
			database.close();
		}
	}

	@Test
	@Order(1)
	void theOperatorSeesTheFailedNightAndRestartsItFromItsPage() throws Exception {
		logIn("op");
		open("/");
		WebElement attention = browser.findElement(By.id("attention"));
		assertThat(attention.getText()).contains("2022-10-04", "失败", "逐行校验", "cannot write feedback workbooks");
		assertThat(browser.findElement(By.id("nights")).getText()).contains("2022-10-03", "已完成", "16/16");
		screenshot("01-home-operator");

		attention.findElement(By.partialLinkText("2022-10-04")).click();
		new WebDriverWait(browser, Duration.ofSeconds(20)).until(ExpectedConditions.urlMatches(".*/runs/3$"));
		assertThat(browser.findElement(By.id("failure-reason")).getText()).contains("cannot write feedback workbooks");
		assertThat(browser.getPageSource()).contains("完整错误信息（仅运维可见）");
		screenshot("02-run-failed");

		Files.delete(blocked);
		browser.findElement(By.id("restart")).click();
		browser.switchTo().alert().accept();
		new WebDriverWait(browser, Duration.ofSeconds(30)).until(ExpectedConditions.urlMatches(".*/runs/4$"));
		assertThat(browser.getPageSource()).contains("已在后台启动，执行编号 4");
		new WebDriverWait(browser, Duration.ofMinutes(3))
			.until(ExpectedConditions.textToBe(By.id("run-status"), "已完成"));
		assertThat(browser.findElement(By.id("steps")).getText()).contains("生成通报 (report)").doesNotContain("接收文件");
		screenshot("03-run-restarted-completed");

		open("/nights/2022-10-04");
		String night = browser.findElement(By.id("uploads")).getText();
		assertThat(night).contains("东城街道", "已读取", "=");
		for (WebElement link : browser.findElements(By.cssSelector("a.download"))) {
			feedbackLinks.put(link.getText(), link.getAttribute("href"));
		}
		assertThat(feedbackLinks).isNotEmpty();
		screenshot("04-night");

		open("/rankings/latest");
		assertThat(browser.getCurrentUrl()).contains("/rankings/2022-10-04");
		String page = browser.findElement(By.id("RENTAL_HOUSING")).getText();
		assertThat(page).contains("居住出租房", "排查数 前三名", "东城街道", "古山镇", "西城街道", "整改落后的行政村", "下宅口村");
		new WebDriverWait(browser, Duration.ofSeconds(20))
			.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".chart[data-drawn] canvas")));
		screenshot("05-rankings");

		open("/townships/" + DONGCHENG);
		new WebDriverWait(browser, Duration.ofSeconds(20))
			.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".chart[data-drawn] canvas")));
		assertThat(browser.findElement(By.id("villages")).getText()).contains("社区");
		screenshot("06-township");
		logOut();
	}

	@Test
	@Order(2)
	void theOfficeReadsEverythingButHasNoActions() throws Exception {
		logIn("office");
		open("/runs/4");
		assertThat(browser.findElement(By.id("run-status")).getText()).isEqualTo("已完成");
		assertThat(browser.findElements(By.id("rerun"))).isEmpty();
		assertThat(browser.getPageSource()).doesNotContain("完整错误信息");
		open("/runs/3");
		assertThat(browser.findElements(By.id("restart"))).isEmpty();
		assertThat(browser.findElements(By.id("failure-reason"))).isEmpty();
		assertThat(browser.getPageSource()).contains("详细原因仅运维人员可见");
		assertThat(browser.getPageSource()).doesNotContain("仅运维可见").doesNotContain("at org.");
		screenshot("07-run-office");
		open("/nights/2022-10-04");
		assertThat(browser.findElement(By.id("uploads")).getText()).contains("西城街道");
		logOut();
	}

	@Test
	@Order(3)
	void aTownshipSeesItsOwnAndGets403ForAnotherTownship() throws Exception {
		logIn("dc");
		assertThat(browser.getCurrentUrl()).endsWith("/townships/" + DONGCHENG);
		assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("东城街道");
		screenshot("08-township-own");
		open("/nights/2022-10-04");
		assertThat(browser.getCurrentUrl()).endsWith("/nights/2022-10-04/townships/" + DONGCHENG);
		String own = browser.findElement(By.id("uploads")).getText();
		assertThat(own).contains("东城街道").doesNotContain("西城街道").doesNotContain("古山镇");
		screenshot("09-night-township");

		open("/nights/2022-10-04/townships/" + XICHENG);
		assertThat(browser.findElement(By.tagName("h1")).getText()).contains("403");
		assertThat(browser.getPageSource()).doesNotContain("西城街道");
		screenshot("10-forbidden");
		open("/townships/" + XICHENG);
		assertThat(browser.findElement(By.tagName("h1")).getText()).contains("403");
		open("/runs/4");
		assertThat(browser.findElement(By.tagName("h1")).getText()).contains("403");
		String others = feedbackLinks.entrySet()
			.stream()
			.filter((link) -> !link.getKey().contains("东城街道"))
			.map(Map.Entry::getValue)
			.findFirst()
			.orElseThrow();
		open(URI.create(others).getPath());
		assertThat(browser.findElement(By.tagName("h1")).getText()).contains("403");
		open("/rankings/latest");
		assertThat(browser.findElement(By.id("RENTAL_HOUSING")).getText()).contains("西城街道");
		logOut();
	}

	@Test
	@Order(4)
	void scriptsUseBasicAndTheJsonMatchesTheSnapshotTables() throws Exception {
		HttpClient http = HttpClient.newHttpClient();
		HttpResponse<String> anonymous = http.send(get("/api/nights", null), HttpResponse.BodyHandlers.ofString());
		assertThat(anonymous.statusCode()).isEqualTo(401);
		assertThat(anonymous.headers().firstValue("WWW-Authenticate")).hasValueSatisfying((v) -> v.startsWith("Basic"));
		HttpResponse<String> rankings = http.send(get("/api/rankings/2022-10-04", "office"),
				HttpResponse.BodyHandlers.ofString());
		assertThat(rankings.statusCode()).isEqualTo(200);
		JdbcTemplate db = database.jdbc();
		Map<String, Object> dongcheng = db.queryForMap("""
				SELECT s.hazards_found, s.rectification_rate FROM township_stats s JOIN snapshot n USING (snapshot_id)
				WHERE n.as_of = DATE '2022-10-04' AND s.township_code = ? AND s.category = 'RENTAL_HOUSING'""",
				DONGCHENG);
		assertThat(rankings.body()).contains("\"township_code\":\"" + DONGCHENG
				+ "\",\"township_name\":\"东城街道\",\"category\":\"RENTAL_HOUSING\",\"hazards_found\":"
				+ dongcheng.get("hazards_found"));
		assertThat(rankings.body()).contains("\"rectification_rate\":" + dongcheng.get("rectification_rate"),
				"\"tied\":");
		int rankingRows = db.queryForObject("SELECT COUNT(*) FROM township_ranking r JOIN snapshot n USING"
				+ " (snapshot_id) WHERE n.as_of = DATE '2022-10-04'", Integer.class);
		assertThat(rankings.body().split("\"metric\":", -1)).hasSize(rankingRows + 1);
		HttpResponse<String> run = http.send(get("/api/runs/3", "op"), HttpResponse.BodyHandlers.ofString());
		assertThat(run.body()).contains("\"status\":\"FAILED\"", "\"done_since_by\":4", "cannot write feedback")
			.doesNotContain("\tat ");
		assertThat(http.send(get("/api/runs/3", "office"), HttpResponse.BodyHandlers.ofString()).body())
			.as("reasons may quote paths or database errors: operators only")
			.contains("\"status\":\"FAILED\"")
			.doesNotContain("cannot write feedback");
		assertThat(http.send(get("/api/runs/3", "dc"), HttpResponse.BodyHandlers.ofString()).statusCode())
			.isEqualTo(403);
		HttpResponse<String> ownNight = http.send(get("/api/nights/2022-10-04", "dc"),
				HttpResponse.BodyHandlers.ofString());
		assertThat(ownNight.body()).contains(DONGCHENG).doesNotContain(XICHENG).doesNotContain("executions");
		assertThat(http.send(get("/actuator/health", null), HttpResponse.BodyHandlers.ofString()).statusCode())
			.isEqualTo(200);
		assertThat(http.send(get("/actuator/prometheus", "office"), HttpResponse.BodyHandlers.ofString()).statusCode())
			.isEqualTo(403);
		HttpResponse<String> metrics = http.send(get("/actuator/prometheus", "op"),
				HttpResponse.BodyHandlers.ofString());
		assertThat(metrics.body()).contains("spring_batch_job", "jvm_memory_used_bytes");
	}

	@Test
	@Order(5)
	void postsNeedTheCsrfTokenAndTheOperatorRole() throws Exception {
		HttpClient operator = session("op");
		HttpResponse<String> page = operator.send(get("/runs/3", null), HttpResponse.BodyHandlers.ofString());
		assertThat(page.headers().firstValue("Content-Security-Policy"))
			.hasValueSatisfying((csp) -> assertThat(csp).contains("script-src 'self'", "frame-ancestors 'none'"));
		assertThat(page.headers().firstValue("X-Frame-Options")).hasValue("DENY");
		assertThat(page.body()).doesNotContain("<script>").doesNotContain("onclick=");
		HttpResponse<String> noToken = operator.send(post("/runs/3/abandon", ""), HttpResponse.BodyHandlers.ofString());
		assertThat(noToken.statusCode()).isEqualTo(403);
		HttpClient office = session("office");
		String token = csrf(office.send(get("/runs/3", null), HttpResponse.BodyHandlers.ofString()).body());
		HttpResponse<String> officeAction = office.send(post("/nights/2022-10-04/rerun", "_csrf=" + token),
				HttpResponse.BodyHandlers.ofString());
		assertThat(officeAction.statusCode()).isEqualTo(403);
		assertThat(database.jdbc().queryForObject("SELECT COUNT(*) FROM batch_job_execution", Integer.class))
			.as("nothing ran")
			.isEqualTo(4);
	}

	@Test
	@Order(6)
	void fiveWrongPasswordsLockTheAccount() throws Exception {
		HttpClient http = HttpClient.newHttpClient();
		for (int i = 0; i < 5; i++) {
			HttpRequest wrong = HttpRequest.newBuilder(URI.create(base + "/api/nights/2022-10-04"))
				.header("Authorization", basic("xc", "not-the-password"))
				.build();
			assertThat(http.send(wrong, HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(401);
		}
		assertThat(http.send(get("/api/nights/2022-10-04", "xc"), HttpResponse.BodyHandlers.ofString()).statusCode())
			.as("the right password is refused while locked")
			.isEqualTo(401);
		assertThat(database.jdbc()
			.queryForObject("SELECT locked_until IS NOT NULL FROM console_user WHERE login = 'xc'", Boolean.class))
			.isTrue();
		logIn("xc");
		assertThat(browser.getPageSource()).contains("账号已锁定");
		screenshot("11-login-locked");
	}

	private static void logIn(String login) throws IOException {
		open("/login");
		screenshot("00-login");
		browser.findElement(By.name("username")).sendKeys(login);
		browser.findElement(By.name("password")).sendKeys(PASSWORDS.get(login));
		browser.findElement(By.cssSelector("button[type=submit]")).click();
		// As with logging out: the browser may still show the login form when the click
		// returns; a login, failed or not, always leaves the bare /login page.
		new WebDriverWait(browser, Duration.ofSeconds(20))
			.until((driver) -> !driver.getCurrentUrl().endsWith("/login"));
	}

	private static void logOut() {
		browser.findElement(By.cssSelector("form[action$='/logout'] button")).click();
		// The click submits a form; the browser may still be on the old page when it
		// returns.
		new WebDriverWait(browser, Duration.ofSeconds(20)).until(ExpectedConditions.urlContains("/login?logout"));
		assertThat(browser.getCurrentUrl()).contains("/login?logout");
	}

	private static void open(String path) {
		browser.get(base + path);
	}

	private static void screenshot(String name) throws IOException {
		byte[] png = ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES);
		Files.write(SCREENSHOTS.resolve(name + ".png"), png);
	}

	private static HttpRequest get(String path, String login) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path));
		if (login != null) {
			request.header("Authorization", basic(login, PASSWORDS.get(login)));
		}
		return request.build();
	}

	private static HttpRequest post(String path, String form) {
		return HttpRequest.newBuilder(URI.create(base + path))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(form))
			.build();
	}

	private static String basic(String login, String password) {
		return "Basic " + Base64.getEncoder().encodeToString((login + ":" + password).getBytes(StandardCharsets.UTF_8));
	}

	/** A client with a logged-in session, through the form with its CSRF token. */
	private static HttpClient session(String login) throws Exception {
		HttpClient http = HttpClient.newBuilder()
			.cookieHandler(new java.net.CookieManager())
			.followRedirects(HttpClient.Redirect.NEVER)
			.build();
		String token = csrf(http.send(get("/login", null), HttpResponse.BodyHandlers.ofString()).body());
		HttpResponse<String> loggedIn = http.send(
				post("/login", "username=" + login + "&password=" + PASSWORDS.get(login) + "&_csrf=" + token),
				HttpResponse.BodyHandlers.ofString());
		assertThat(loggedIn.headers().firstValue("Location")).hasValueSatisfying((l) -> assertThat(l).endsWith("/"));
		return http;
	}

	private static String csrf(String html) {
		Matcher matcher = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(html);
		assertThat(matcher.find()).as("a CSRF token in the page").isTrue();
		return matcher.group(1);
	}

}
