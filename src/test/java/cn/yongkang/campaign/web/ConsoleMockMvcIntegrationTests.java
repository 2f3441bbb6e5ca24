package cn.yongkang.campaign.web;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import cn.yongkang.campaign.account.AccountLogins;
import cn.yongkang.campaign.account.ConsoleAccounts;
import cn.yongkang.campaign.account.Role;
import cn.yongkang.campaign.operations.NightlyOperations;
import cn.yongkang.campaign.operations.RunRecord;
import cn.yongkang.campaign.pipeline.PipelineLauncher.Folders;
import cn.yongkang.campaign.support.TestDatabase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The console's rules through MockMvc on a real PostgreSQL database, after the sample's
 * last night ran in the same application: roles, CSRF, downloads by id, error pages
 * without traces, and a rerun started from the console that completes.
 */
@SpringBootTest(properties = { "spring.main.web-application-type=servlet", "spring.quartz.auto-startup=false" })
@AutoConfigureMockMvc
class ConsoleMockMvcIntegrationTests {

	private static final LocalDate NIGHT = LocalDate.parse("2022-10-04");

	private static TestDatabase database;

	private static Path reports;

	@Autowired
	MockMvc mvc;

	@Autowired
	AccountLogins logins;

	@DynamicPropertySource
	static void database(DynamicPropertyRegistry registry) throws Exception {
		database = TestDatabase.create();
		reports = Files.createTempDirectory("console-reports");
		registry.add("spring.datasource.url", database::url);
		registry.add("spring.datasource.username", () -> "postgres");
		registry.add("spring.datasource.password", () -> "");
		registry.add("campaign.console.reports", reports::toString);
		registry.add("campaign.console.inbox", () -> Path.of("sample-input").toAbsolutePath().toString());
	}

	@BeforeAll
	static void sampleNightAndAccounts(@Autowired NightlyOperations operations, @Autowired ConsoleAccounts accounts) {
		if (accounts.find("op").isEmpty()) {
			RunRecord run = operations.run(null, NIGHT, new Folders(Path.of("sample-input"), Path.of("jobs"), reports))
				.run();
			assertThat(run.completed()).as(String.valueOf(run.reason())).isTrue();
			accounts.add("op", Role.OPERATOR, null, "operator-pass-1");
			accounts.add("office", Role.OFFICE, null, "office-pass-12");
			accounts.add("dc", Role.TOWNSHIP, "330784001000", "dongcheng-pass");
		}
	}

	@AfterAll
	static void dropDatabase() {
		database.close();
	}

	@Test
	void postsWithoutTheTokenOrByTheOfficeAreRefused() throws Exception {
		this.mvc.perform(post("/runs/1/abandon").with(user(this.logins.loadUserByUsername("op"))))
			.andExpect(status().isForbidden());
		this.mvc
			.perform(post("/nights/2022-10-04/rerun").with(user(this.logins.loadUserByUsername("office"))).with(csrf()))
			.andExpect(status().isForbidden());
		this.mvc.perform(post("/nights/2022-10-04/run").with(user(this.logins.loadUserByUsername("dc"))).with(csrf()))
			.andExpect(status().isForbidden());
	}

	@Test
	void aRerunFromTheConsoleReturnsAtOnceAndCompletes(@Autowired NightlyOperations operations) throws Exception {
		MvcResult result = this.mvc
			.perform(post("/nights/2022-10-04/rerun").param("fromStep", "ranking")
				.with(user(this.logins.loadUserByUsername("op")))
				.with(csrf()))
			.andExpect(status().is3xxRedirection())
			.andReturn();
		String location = result.getResponse().getRedirectedUrl();
		assertThat(location).matches("/runs/\\d+");
		long id = Long.parseLong(location.substring("/runs/".length()));
		long deadline = System.currentTimeMillis() + 120_000;
		RunRecord run = operations.find(id).orElseThrow();
		while (!run.completed() && System.currentTimeMillis() < deadline) {
			Thread.sleep(500);
			run = operations.find(id).orElseThrow();
		}
		assertThat(run.completed()).as(run.toString()).isTrue();
		assertThat(run.fromStep()).isEqualTo("ranking");
		assertThat(run.steps().stream().filter((s) -> s.skipped()).map((s) -> s.name())).containsExactly("ingest",
				"validate", "dedupe", "statistics");
	}

	@Test
	void theApiAnswers401WithoutCredentialsAndJsonWithThem() throws Exception {
		this.mvc.perform(get("/api/nights/2022-10-04"))
			.andExpect(status().isUnauthorized())
			.andExpect(header().doesNotExist("Location"));
		String body = this.mvc.perform(get("/api/nights/2022-10-04").with(httpBasic("office", "office-pass-12")))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
		Integer files = database.jdbc()
			.queryForObject("SELECT COUNT(*) FROM upload_file WHERE inbox_date = DATE '2022-10-04'", Integer.class);
		assertThat(body.split("\"file_id\":", -1)).hasSize(files + 1);
		assertThat(body).contains("\"rows_read\":", "\"rows_rejected\":", "\"township_code\":\"330784001000\"");
		this.mvc.perform(get("/api/nights").with(httpBasic("dc", "dongcheng-pass"))).andExpect(status().isForbidden());
	}

	@Test
	void downloadsGoByIdAndATownshipGetsOnlyItsOwnFeedback() throws Exception {
		String rankings = page("/rankings/2022-10-04", "dc");
		Matcher bulletin = Pattern.compile("href=\"(/downloads/2022-10-04/[0-9a-f]{16})\"[^>]*>下载 通报-2022-10-04.md")
			.matcher(rankings);
		assertThat(bulletin.find()).as(rankings).isTrue();
		String markdown = this.mvc.perform(get(bulletin.group(1)).with(user(this.logins.loadUserByUsername("dc"))))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
		assertThat(markdown).contains("居住出租房隐患排查数前三名分别为东城街道、古山镇、西城街道");
		this.mvc.perform(get("/downloads/2022-10-04/0123456789abcdef").with(user(this.logins.loadUserByUsername("op"))))
			.andExpect(status().isNotFound());
		this.mvc
			.perform(get("/downloads/2022-10-04/..%2F..%2Fetc%2Fpasswd")
				.with(user(this.logins.loadUserByUsername("op"))))
			.andExpect(status().is4xxClientError());

		String night = page("/nights/2022-10-04", "op");
		Matcher feedback = Pattern.compile("href=\"(/downloads/2022-10-04/[0-9a-f]{16})\">([^<]*退回清单[^<]*)<")
			.matcher(night);
		boolean foreign = false;
		while (feedback.find()) {
			if (!feedback.group(2).contains("东城街道")) {
				foreign = true;
				this.mvc.perform(get(feedback.group(1)).with(user(this.logins.loadUserByUsername("dc"))))
					.andExpect(status().isForbidden());
				this.mvc.perform(get(feedback.group(1)).with(user(this.logins.loadUserByUsername("office"))))
					.andExpect(status().isOk());
			}
		}
		assertThat(foreign).as("another township's feedback workbook is on the night page").isTrue();
	}

	@Test
	void errorsShowNoTraceAndPagesCarryTheSecurityHeaders() throws Exception {
		String error = this.mvc.perform(get("/runs/not-a-number").with(user(this.logins.loadUserByUsername("office"))))
			.andExpect(status().isBadRequest())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(error).doesNotContain("Exception").doesNotContain("at org.");
		this.mvc.perform(get("/").with(user(this.logins.loadUserByUsername("op"))))
			.andExpect(status().isOk())
			.andExpect(header().string("X-Frame-Options", "DENY"))
			.andExpect(header().string("Content-Security-Policy", ConsoleSecurity.CONTENT_SECURITY_POLICY));
		this.mvc.perform(get("/townships/330784002000").with(user(this.logins.loadUserByUsername("dc"))))
			.andExpect(status().isForbidden());
		this.mvc.perform(get("/"))
			.andExpect(status().is3xxRedirection())
			.andExpect(header().string("Location", org.hamcrest.Matchers.endsWith("/login")));
	}

	private String page(String path, String login) throws Exception {
		return this.mvc.perform(get(path).with(user(this.logins.loadUserByUsername(login))))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
	}

}
