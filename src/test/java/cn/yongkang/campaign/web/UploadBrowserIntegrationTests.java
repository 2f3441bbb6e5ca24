package cn.yongkang.campaign.web;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
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
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

import cn.yongkang.campaign.support.CampaignJar;
import cn.yongkang.campaign.support.TestDatabase;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A township clerk in a real browser (Debian's headless Chromium, the packaged jar's
 * {@code serve} on PostgreSQL): uploads a ledger with mistakes, sees every rejected row
 * and reason on the page, downloads the 退回清单 and the template, uploads the fixed ledger,
 * and the night counts it. Scripts upload over HTTP Basic; a township cannot put a file
 * into another township's folder, whatever the request says, nor read another's feedback.
 * Screenshots under {@code target/screenshots/upload-*.png}.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class UploadBrowserIntegrationTests {

	private static final String JOBS = Path.of("jobs").toAbsolutePath().toString();

	private static final Path SCREENSHOTS = Path.of("target/screenshots");

	private static final Map<String, String> PASSWORDS = Map.of("op", "operator-pass-1", "dc", "dongcheng-pass", "xc",
			"xicheng-pass-1");

	private static final String[] HEADER = { "乡镇（街道）", "村（社区）", "场所类型", "地址", "隐患描述", "排查日期", "整改情况", "整改日期" };

	@TempDir
	static Path work;

	private static TestDatabase database;

	private static Process server;

	private static String base;

	private static WebDriver browser;

	private static LocalDate today;

	private static Path inbox;

	private static String feedbackHref;

	@BeforeAll
	static void serverAccountsAndBrowser() throws Exception {
		database = TestDatabase.create();
		CampaignJar jar = new CampaignJar(work, database.environment());
		for (String[] account : List.of(new String[] { "op", "operator", null },
				new String[] { "dc", "township", "东城" }, new String[] { "xc", "township", "西城街道" })) {
			List<String> args = new java.util.ArrayList<>(
					List.of("user", "add", account[0], "--role", account[1], "--jobs", JOBS));
			if (account[2] != null) {
				args.addAll(List.of("--township", account[2]));
			}
			CampaignJar.Result added = jar.runWithInput(PASSWORDS.get(account[0]) + "\n", args.toArray(String[]::new));
			assertThat(added.exitCode()).as(added.toString()).isZero();
		}
		inbox = Files.createDirectories(work.resolve("inbox"));
		Path serveFolder = Files.createDirectories(work.resolve("serve"));
		server = new CampaignJar(serveFolder, database.environment()).start("serve", "--port", "0", "--no-schedule",
				"--jobs", JOBS, "--inbox", inbox.toString(), "--reports", work.resolve("reports").toString());
		base = "http://localhost:" + awaitPort(serveFolder.resolve(".stdout"));
		Files.createDirectories(SCREENSHOTS);
		browser = chromium();
		today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
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
	void aClerkSeesEveryRejectedRowAtOnceAndDownloadsTheFeedback() throws Exception {
		logIn("dc");
		browser.findElement(By.id("nav-upload")).click();
		assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("东城街道 上传台账");
		screenshot("upload-1-page");
		Path messy = ledger("东城台账（有误）.xlsx", "荆山下村", null);
		browser.findElement(By.id("file")).sendKeys(messy.toString());
		browser.findElement(By.id("upload-submit")).click();
		assertThat(browser.findElement(By.id("result-status")).getText()).isEqualTo("已读取");
		assertThat(browser.findElement(By.id("result-counts")).getText())
			.isEqualTo("共读取 3 行：接收 1 行，退回 2 行，空行 0 行，提示 0 行");
		String rejected = browser.findElement(By.id("rejected")).getText();
		assertThat(rejected).contains("村（社区）“荆山下村”不属于东城街道", "可能是“荆山夏村”", "整改情况为已整改，但整改日期为空");
		assertThat(browser.findElements(By.cssSelector("#rejected tbody tr")))
			.extracting((row) -> row.findElement(By.tagName("td")).getText())
			.containsExactly("2", "3");
		screenshot("upload-2-rejected");

		feedbackHref = browser.findElement(By.id("feedback-download")).getAttribute("href");
		HttpResponse<byte[]> feedback = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create(feedbackHref)).header("Cookie", sessionCookie()).build(),
					HttpResponse.BodyHandlers.ofByteArray());
		assertThat(feedback.statusCode()).isEqualTo(200);
		assertThat(feedback.headers().firstValue("Content-Disposition").orElse("")).contains("attachment");
		try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(feedback.body()))) {
			XSSFSheet sheet = workbook.getSheet("退回清单");
			assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).startsWith("东城街道于" + today + "上传的");
			assertThat(sheet.getRow(2).getCell(2).getStringCellValue()).isEqualTo("村（社区）“荆山下村”不属于东城街道");
		}

		HttpResponse<byte[]> template = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create(base + "/upload/template"))
				.header("Cookie", sessionCookie())
				.build(), HttpResponse.BodyHandlers.ofByteArray());
		assertThat(template.statusCode()).isEqualTo(200);
		try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(template.body()))) {
			assertThat(workbook.getSheetName(0)).isEqualTo("台账");
			assertThat(workbook.getSheet("选项").getRow(1).getCell(0).getStringCellValue()).isNotBlank();
		}
	}

	@Test
	@Order(2)
	void theFixedLedgerIsAcceptedWhole() throws Exception {
		Path fixed = ledger("东城台账（已改正）.xlsx", "荆山夏村", "2022-09-20");
		browser.findElement(By.id("file")).sendKeys(fixed.toString());
		browser.findElement(By.id("upload-submit")).click();
		assertThat(browser.findElement(By.id("result-counts")).getText())
			.isEqualTo("共读取 3 行：接收 3 行，退回 0 行，空行 0 行，提示 0 行");
		assertThat(browser.findElement(By.id("result-clean")).getText()).contains("没有退回的行");
		assertThat(browser.findElement(By.id("recent")).getText()).contains("东城台账（有误）.xlsx", "东城台账（已改正）.xlsx");
		screenshot("upload-3-fixed");
	}

	@Test
	@Order(3)
	void scriptsUploadOverBasicIntoTheirOwnFolderOnly() throws Exception {
		byte[] file = Files.readAllBytes(ledger("西城.xlsx", "荆山夏村", null));
		HttpResponse<String> answer = HttpClient.newHttpClient()
			.send(multipart("/api/upload", "xc", "../东城街道/x.xlsx", file), HttpResponse.BodyHandlers.ofString());
		assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
		assertThat(answer.body()).contains("\"township_code\":\"330784002000\"", "\"status\":\"LOADED\"",
				"\"rows_read\":3", "\"rows_rejected\":3", "\"row_number\":2", "\"reasons\":",
				"\"feedback_url\":\"/uploads/");
		Path dongcheng = inbox.resolve(today.toString()).resolve("东城街道");
		Path xicheng = inbox.resolve(today.toString()).resolve("西城街道");
		assertThat(files(dongcheng)).hasSize(2).noneMatch((name) -> name.endsWith("x.xlsx"));
		assertThat(files(xicheng)).singleElement().satisfies((name) -> assertThat(name).endsWith("-x.xlsx"));

		HttpClient http = HttpClient.newHttpClient();
		assertThat(http.send(multipart("/api/upload", "op", "a.xlsx", file), HttpResponse.BodyHandlers.ofString())
			.statusCode()).as("an operator is no township").isEqualTo(403);
		assertThat(http.send(multipart("/api/upload", null, "a.xlsx", file), HttpResponse.BodyHandlers.ofString())
			.statusCode()).isEqualTo(401);
		HttpResponse<String> audit = http.send(get("/api/uploads", "op"), HttpResponse.BodyHandlers.ofString());
		assertThat(audit.statusCode()).isEqualTo(200);
		assertThat(audit.body()).contains("\"login\":\"dc\"", "\"login\":\"xc\"", "\"client_address\":", "\"sha256\":",
				"\"file_name\":\"../东城街道/x.xlsx\"");
		assertThat(http.send(get("/api/uploads", "dc"), HttpResponse.BodyHandlers.ofString()).statusCode())
			.isEqualTo(403);
		HttpResponse<String> others = http.send(
				HttpRequest.newBuilder(URI.create(feedbackHref)).header("Cookie", session("xc")).build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(others.statusCode()).as("another township's feedback").isEqualTo(403);
		assertThat(others.body()).doesNotContain("荆山下村");
		HttpResponse<String> noToken = http.send(HttpRequest.newBuilder(URI.create(base + "/upload"))
			.header("Cookie", session("dc"))
			.header("Content-Type", "multipart/form-data; boundary=x")
			.POST(HttpRequest.BodyPublishers.ofString("--x--\r\n"))
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(noToken.statusCode()).as("a POST without the CSRF token").isEqualTo(403);
	}

	@Test
	@Order(4)
	void theNightCountsTheFixedLedger() {
		CampaignJar jar = new CampaignJar(work, database.environment());
		CampaignJar.Result night = jar.run("run", "--inbox", inbox.toString(), "--date", today.toString(), "--campaign",
				"shuangyue-2022", "--jobs", JOBS, "--reports", work.resolve("reports").toString());
		assertThat(night.exitCode()).as(night.toString()).isZero();
		List<Map<String, Object>> files = database.jdbc()
			.queryForList("SELECT file_name, status, rows_accepted, rows_rejected FROM upload_file"
					+ " WHERE township_folder = '东城街道' ORDER BY file_name");
		assertThat(files).extracting((f) -> f.get("rows_rejected")).containsExactly(2, 0);
		assertThat(files.get(1).get("file_name").toString()).endsWith("东城台账（已改正）.xlsx");
		Integer found = database.jdbc()
			.queryForObject("SELECT SUM(s.hazards_found) FROM township_stats s JOIN snapshot n"
					+ " ON n.snapshot_id = s.snapshot_id WHERE n.as_of = ? AND s.township_code = '330784001000'",
					Integer.class, today);
		assertThat(found).isEqualTo(3);
	}

	/**
	 * A small ledger of 东城街道: row 2 in the given village, row 3 已整改 with the given
	 * rectification date (none: a mistake), row 4 correct.
	 */
	private static Path ledger(String name, String village, String rectifiedOn) throws IOException {
		Path file = work.resolve(name);
		try (XSSFWorkbook workbook = new XSSFWorkbook(); OutputStream out = Files.newOutputStream(file)) {
			XSSFSheet sheet = workbook.createSheet("台账");
			String[][] rows = { HEADER, { "东城街道", village, "居住出租房", "荆山夏村12号", "电动车室内充电", "2022-09-15", "未整改", null },
					{ "东城街道", "园丁社区", "沿街店铺", "园丁路3号", "灭火器过期", "2022-09-16", "已整改", rectifiedOn },
					{ "东城街道", "卫星社区", "出租房", "卫星路8号", "私拉电线", "2022-09-17", "整改中", null } };
			for (int r = 0; r < rows.length; r++) {
				Row row = sheet.createRow(r);
				for (int c = 0; c < rows[r].length; c++) {
					if (rows[r][c] != null) {
						row.createCell(c).setCellValue(rows[r][c]);
					}
				}
			}
			workbook.write(out);
		}
		return file;
	}

	private static List<String> files(Path folder) throws IOException {
		try (Stream<Path> files = Files.list(folder)) {
			return files.map((f) -> f.getFileName().toString()).toList();
		}
	}

	private static HttpRequest multipart(String path, String login, String fileName, byte[] content)
			throws IOException {
		ByteArrayOutputStream body = new ByteArrayOutputStream();
		String boundary = "----upload-test";
		// A field that names another township changes nothing: the account decides.
		body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"township\"\r\n\r\n东城街道\r\n")
			.getBytes(StandardCharsets.UTF_8));
		body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
				+ "\"\r\nContent-Type: application/octet-stream\r\n\r\n")
			.getBytes(StandardCharsets.UTF_8));
		body.write(content);
		body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
			.header("Content-Type", "multipart/form-data; boundary=" + boundary)
			.POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()));
		if (login != null) {
			request.header("Authorization", basic(login));
		}
		return request.build();
	}

	private static HttpRequest get(String path, String login) {
		return HttpRequest.newBuilder(URI.create(base + path)).header("Authorization", basic(login)).build();
	}

	private static String basic(String login) {
		return "Basic " + Base64.getEncoder()
			.encodeToString((login + ":" + PASSWORDS.get(login)).getBytes(StandardCharsets.UTF_8));
	}

	private static String sessionCookie() {
		return "JSESSIONID=" + browser.manage().getCookieNamed("JSESSIONID").getValue();
	}

	/** A logged-in session's cookie, through the login form with its CSRF token. */
	private static String session(String login) throws Exception {
		java.net.CookieManager cookies = new java.net.CookieManager();
		HttpClient http = HttpClient.newBuilder().cookieHandler(cookies).build();
		String page = http
			.send(HttpRequest.newBuilder(URI.create(base + "/login")).build(), HttpResponse.BodyHandlers.ofString())
			.body();
		Matcher token = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(page);
		assertThat(token.find()).isTrue();
		http.send(HttpRequest.newBuilder(URI.create(base + "/login"))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers
				.ofString("username=" + login + "&password=" + PASSWORDS.get(login) + "&_csrf=" + token.group(1)))
			.build(), HttpResponse.BodyHandlers.discarding());
		return cookies.getCookieStore()
			.getCookies()
			.stream()
			.filter((c) -> c.getName().equals("JSESSIONID"))
			.map(Object::toString)
			.findFirst()
			.orElseThrow();
	}

	private static void logIn(String login) {
		browser.get(base + "/login");
		browser.findElement(By.name("username")).sendKeys(login);
		browser.findElement(By.name("password")).sendKeys(PASSWORDS.get(login));
		browser.findElement(By.cssSelector("button[type=submit]")).click();
		// The click submits a form; the browser may still show it when the click returns.
		new WebDriverWait(browser, Duration.ofSeconds(20))
			.until((driver) -> !driver.getCurrentUrl().endsWith("/login"));
	}

	private static void screenshot(String name) throws IOException {
		Files.write(SCREENSHOTS.resolve(name + ".png"), ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
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

}
