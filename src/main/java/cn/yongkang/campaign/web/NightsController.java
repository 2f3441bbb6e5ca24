package cn.yongkang.campaign.web;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import cn.yongkang.campaign.account.AccountPrincipal;
import cn.yongkang.campaign.account.Role;
import cn.yongkang.campaign.campaign.CampaignCatalog;
import cn.yongkang.campaign.operations.NightRecord;
import cn.yongkang.campaign.operations.NightlyOperations;
import cn.yongkang.campaign.operations.RunRecord;
import cn.yongkang.campaign.operations.Submission;
import cn.yongkang.campaign.operations.TownshipRecord;
import cn.yongkang.campaign.operations.UploadRecord;
import cn.yongkang.campaign.pipeline.LaunchException;

/** The nights: the last 14 at a glance, one night's uploads, and starting a night. */
@Controller
@ConditionalOnWebApplication
class NightsController {

	static final int NIGHTS_SHOWN = 14;

	private final NightlyOperations operations;

	private final ConsoleFolders folders;

	private final ReportDownloads downloads;

	NightsController(NightlyOperations operations, ConsoleFolders folders, ReportDownloads downloads) {
		this.operations = operations;
		this.folders = folders;
		this.downloads = downloads;
	}

	@GetMapping("/")
	String home(@AuthenticationPrincipal AccountPrincipal me, @RequestParam(required = false) LocalDate until,
			Model model) {
		if (me.role() == Role.TOWNSHIP) {
			return "redirect:/townships/" + me.townshipCode();
		}
		LocalDate end = until != null ? until : defaultEnd();
		List<NightRecord> nights = this.operations.nights(end.minusDays(NIGHTS_SHOWN - 1), end);
		model.addAttribute("nights", nights);
		model.addAttribute("until", end);
		model.addAttribute("earlier", end.minusDays(NIGHTS_SHOWN));
		model.addAttribute("later", end.plusDays(NIGHTS_SHOWN));
		model.addAttribute("troubled",
				nights.stream().map(NightRecord::latest).filter((run) -> run != null && run.restartable()).toList());
		model.addAttribute("missingTwice", missingTwoNightsRunning(nights));
		return "home";
	}

	/**
	 * Yesterday while a campaign runs (the night the schedule processes); outside every
	 * campaign, the newest date that ran, so that a finished campaign still shows.
	 */
	private LocalDate defaultEnd() {
		LocalDate yesterday = LocalDate.now().minusDays(1);
		boolean running = CampaignCatalog.load(this.folders.folders().jobs())
			.all()
			.stream()
			.anyMatch((campaign) -> campaign.covers(yesterday));
		return running ? yesterday : this.operations.latestRunDate().orElse(yesterday);
	}

	/** Townships without a readable upload in the two newest nights that had any. */
	private static List<String> missingTwoNightsRunning(List<NightRecord> nights) {
		List<NightRecord> ran = nights.stream().filter((night) -> night.latest() != null).limit(2).toList();
		if (ran.size() < 2) {
			return List.of();
		}
		Set<String> missing = new LinkedHashSet<>(ran.get(0).missingTownships());
		missing.retainAll(ran.get(1).missingTownships());
		return List.copyOf(missing);
	}

	@GetMapping("/nights/{date}")
	String night(@AuthenticationPrincipal AccountPrincipal me, @PathVariable LocalDate date, Model model) {
		if (me.role() == Role.TOWNSHIP) {
			return "redirect:/nights/" + date + "/townships/" + me.townshipCode();
		}
		return nightPage(me, date, null, model);
	}

	@GetMapping("/nights/{date}/townships/{code}")
	String townshipNight(@AuthenticationPrincipal AccountPrincipal me, @PathVariable LocalDate date,
			@PathVariable String code, Model model) {
		if (!me.maySee(code)) {
			throw new AccessDeniedException("another township's night");
		}
		return nightPage(me, date, code, model);
	}

	private String nightPage(AccountPrincipal me, LocalDate date, String only, Model model) {
		List<RunRecord> executions = me.role() == Role.TOWNSHIP ? List.of() : this.operations.forDate(date);
		List<UploadRecord> uploads = this.operations.uploads(date);
		List<TownshipRecord> townships = this.operations.townships();
		Set<String> missing = new LinkedHashSet<>(
				this.operations.missingUploads(date).stream().map(TownshipRecord::code).toList());
		Path reportFolder = executions.isEmpty() ? reportFolderOf(date) : executions.get(0).reportFolder();
		List<ReportDownloads.ReportFile> files = this.downloads.list(reportFolder, townships);
		List<Map<String, Object>> rows = new ArrayList<>();
		for (TownshipRecord township : townships) {
			if (only != null && !township.code().equals(only)) {
				continue;
			}
			rows.add(Map.of("township", township, "files",
					uploads.stream().filter((u) -> township.code().equals(u.townshipCode())).toList(), "feedback",
					files.stream().filter((f) -> township.code().equals(f.townshipCode())).toList(), "missing",
					missing.contains(township.code())));
		}
		model.addAttribute("date", date);
		model.addAttribute("only", only);
		model.addAttribute("executions", executions);
		model.addAttribute("latest", executions.isEmpty() ? null : executions.get(0));
		model.addAttribute("rows", rows);
		model.addAttribute("unknownFolders",
				only == null ? uploads.stream().filter((u) -> u.townshipCode() == null).toList() : List.of());
		model.addAttribute("missing",
				townships.stream()
					.filter((t) -> missing.contains(t.code()) && (only == null || t.code().equals(only)))
					.map(TownshipRecord::name)
					.toList());
		model.addAttribute("campaignId", executions.isEmpty() ? null : executions.get(0).campaignId());
		model.addAttribute("stages", NightlyOperations.stages());
		model.addAttribute("done", executions.stream().anyMatch(RunRecord::completed));
		return "night";
	}

	/** A township's page has no execution to ask: the report folder of the date's run. */
	private Path reportFolderOf(LocalDate date) {
		return this.operations.forDate(date).stream().findFirst().map(RunRecord::reportFolder).orElse(null);
	}

	@PostMapping("/nights/{date}/run")
	String run(@PathVariable LocalDate date, RedirectAttributes flash) {
		return Actions.redirect(flash, "/nights/" + date,
				() -> this.operations.startRun(null, date, this.folders.folders()));
	}

	@PostMapping("/nights/{date}/rerun")
	String rerun(@PathVariable LocalDate date,
			@RequestParam(defaultValue = NightlyOperations.DEFAULT_RERUN_STEP) String fromStep,
			@RequestParam(required = false) String campaign, RedirectAttributes flash) {
		if (!NightlyOperations.stages().contains(fromStep)) {
			flash.addFlashAttribute("error", "未知的步骤：" + fromStep);
			return "redirect:/nights/" + date;
		}
		return Actions.redirect(flash, "/nights/" + date,
				() -> this.operations.startRerun(campaign == null || campaign.isBlank() ? null : campaign, date,
						fromStep, this.folders.folders()));
	}

	/** What the action buttons share: start, then show the execution or the refusal. */
	static final class Actions {

		private Actions() {
		}

		static String redirect(RedirectAttributes flash, String fallback,
				java.util.function.Supplier<Submission> action) {
			try {
				Submission submission = action.get();
				if (submission.executionId() != null) {
					flash.addFlashAttribute("notice", "已在后台启动，执行编号 " + submission.executionId() + "；关闭浏览器不影响运行。");
					return "redirect:/runs/" + submission.executionId();
				}
				if (submission.outcome() != null) {
					RunRecord run = submission.outcome().run();
					flash.addFlashAttribute("notice", submission.outcome().alreadyDone()
							? "该日期已由执行 " + run.id() + " 完成，未作改动。" : "执行 " + run.id() + " 已结束：" + run.status());
					return "redirect:/runs/" + run.id();
				}
				flash.addFlashAttribute("notice", "已提交，正在排队启动。");
				return "redirect:" + fallback;
			}
			catch (LaunchException | cn.yongkang.campaign.campaign.CampaignException ex) {
				flash.addFlashAttribute("error", "操作未执行：" + ex.getMessage());
				return "redirect:" + fallback;
			}
		}

	}

}
