package cn.yongkang.campaign.web;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import tools.jackson.databind.json.JsonMapper;

import cn.yongkang.campaign.account.AccountPrincipal;
import cn.yongkang.campaign.operations.NightlyOperations;
import cn.yongkang.campaign.operations.TownshipRecord;

/** The published figures: a date's rankings, and one township across the campaign. */
@Controller
@ConditionalOnWebApplication
class RankingsController {

	private final SnapshotQueries snapshots;

	private final NightlyOperations operations;

	private final ReportDownloads downloads;

	private final JsonMapper json;

	RankingsController(SnapshotQueries snapshots, NightlyOperations operations, ReportDownloads downloads,
			JsonMapper json) {
		this.snapshots = snapshots;
		this.operations = operations;
		this.downloads = downloads;
		this.json = json;
	}

	@GetMapping("/rankings/latest")
	String latest() {
		Map<String, Object> snapshot = this.snapshots.latest()
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
		return "redirect:/rankings/" + snapshot.get("as_of") + "?campaign=" + snapshot.get("campaign_id");
	}

	@GetMapping("/rankings/{date}")
	String rankings(@PathVariable LocalDate date, @RequestParam(required = false) String campaign, Model model) {
		Map<String, Object> snapshot = this.snapshots.snapshot(date, campaign)
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
		long id = ((Number) snapshot.get("snapshot_id")).longValue();
		List<Map<String, Object>> stats = this.snapshots.townshipStats(id);
		List<Map<String, Object>> rankings = this.snapshots.rankings(id);
		List<Map<String, Object>> lagging = this.snapshots.lagging(id);
		List<Map<String, Object>> sections = new ArrayList<>();
		for (Map<String, Object> category : this.snapshots.categories()) {
			Object code = category.get("category");
			List<Map<String, Object>> figures = stats.stream().filter((s) -> code.equals(s.get("category"))).toList();
			if (figures.isEmpty()) {
				continue;
			}
			Map<String, Object> section = new LinkedHashMap<>();
			section.put("code", code);
			section.put("label", category.get("label"));
			section.put("figures", figures);
			for (String metric : List.of("hazards_found", "rectification_rate")) {
				for (String side : List.of("top", "bottom")) {
					section.put(metric + "_" + side,
							rankings.stream()
								.filter((r) -> code.equals(r.get("category")) && metric.equals(r.get("metric"))
										&& side.equals(r.get("side")))
								.toList());
				}
			}
			section.put("villages",
					lagging.stream()
						.filter((l) -> code.equals(l.get("category")) && "村".equals(l.get("village_kind")))
						.toList());
			section.put("communities",
					lagging.stream()
						.filter((l) -> code.equals(l.get("category")) && "社区".equals(l.get("village_kind")))
						.toList());
			section.put("chart",
					this.json.writeValueAsString(Map.of("title", category.get("label") + " 整改率", "names",
							figures.stream().map((f) -> f.get("township_name")).toList(), "values",
							figures.stream().map((f) -> f.get("rectification_rate")).toList(), "percent", true)));
			sections.add(section);
		}
		String campaignId = (String) snapshot.get("campaign_id");
		model.addAttribute("snapshot", snapshot);
		model.addAttribute("sections", sections);
		model.addAttribute("files",
				this.downloads.list(reportFolder(campaignId, date), this.operations.townships())
					.stream()
					.filter((file) -> !file.feedback())
					.toList());
		return "rankings";
	}

	@GetMapping("/townships/{code}")
	String township(@AuthenticationPrincipal AccountPrincipal me, @PathVariable String code, Model model) {
		if (!me.maySee(code)) {
			throw new AccessDeniedException("another township's page");
		}
		TownshipRecord township = this.operations.townships()
			.stream()
			.filter((t) -> t.code().equals(code))
			.findFirst()
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
		model.addAttribute("township", township);
		Map<String, Object> latest = this.snapshots.latest().orElse(null);
		model.addAttribute("snapshot", latest);
		List<Map<String, Object>> charts = new ArrayList<>();
		List<String> dates = List.of();
		if (latest != null) {
			List<Map<String, Object>> trend = this.snapshots.trend((String) latest.get("campaign_id"), code);
			dates = trend.stream().map((t) -> (String) t.get("as_of")).distinct().toList();
			for (Map<String, Object> category : this.snapshots.categories()) {
				List<Map<String, Object>> series = trend.stream()
					.filter((t) -> Objects.equals(category.get("category"), t.get("category")))
					.toList();
				if (series.isEmpty()) {
					continue;
				}
				charts.add(Map.of("label", category.get("label"), "rows", series, "chart",
						this.json.writeValueAsString(Map.of("title", category.get("label"), "dates",
								series.stream().map((s) -> s.get("as_of")).toList(), "found",
								series.stream().map((s) -> s.get("hazards_found")).toList(), "rectified",
								series.stream().map((s) -> s.get("hazards_rectified")).toList(), "rates",
								series.stream().map((s) -> s.get("rectification_rate")).toList()))));
			}
			model.addAttribute("villages",
					this.snapshots.villages(((Number) latest.get("snapshot_id")).longValue(), code));
		}
		else {
			model.addAttribute("villages", List.of());
		}
		model.addAttribute("charts", charts);
		List<String> newestFirst = new ArrayList<>(dates);
		java.util.Collections.reverse(newestFirst);
		model.addAttribute("dates", newestFirst);
		Map<Object, Object> labels = new LinkedHashMap<>();
		this.snapshots.categories().forEach((c) -> labels.put(c.get("category"), c.get("label")));
		model.addAttribute("categoryLabels", labels);
		return "township";
	}

	private Path reportFolder(String campaignId, LocalDate date) {
		return this.operations.reportFolder(campaignId, date).orElse(null);
	}

}
