package cn.yongkang.campaign.web;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

import cn.yongkang.campaign.account.AccountPrincipal;
import cn.yongkang.campaign.account.Role;
import cn.yongkang.campaign.operations.NightRecord;
import cn.yongkang.campaign.operations.NightlyOperations;
import cn.yongkang.campaign.operations.RunRecord;
import cn.yongkang.campaign.operations.TownshipRecord;
import cn.yongkang.campaign.operations.UploadRecord;

/**
 * The pages' data as JSON for scripts (HTTP Basic), same roles and same rows; keys are
 * the tables' column names (records are written in snake case).
 */
@RestController
@RequestMapping("/api")
@ConditionalOnWebApplication
class ApiController {

	private final NightlyOperations operations;

	private final SnapshotQueries snapshots;

	ApiController(NightlyOperations operations, SnapshotQueries snapshots) {
		this.operations = operations;
		this.snapshots = snapshots;
	}

	/** The last 14 nights up to {@code until} (default: the newest date that ran). */
	@GetMapping("/nights")
	List<NightRecord> nights(@AuthenticationPrincipal AccountPrincipal me,
			@RequestParam(required = false) LocalDate until) {
		LocalDate end = until != null ? until : this.operations.latestRunDate().orElse(LocalDate.now().minusDays(1));
		return this.operations.nights(end.minusDays(NightsController.NIGHTS_SHOWN - 1), end)
			.stream()
			.map((night) -> me.role() == Role.OPERATOR || night.latest() == null ? night
					: new NightRecord(night.date(), night.state(), night.latest().withoutReason(),
							night.townshipsUploaded(), night.townships(), night.rowsRejected(),
							night.filesQuarantined(), night.missingTownships()))
			.toList();
	}

	@GetMapping("/nights/{date}")
	Map<String, Object> night(@AuthenticationPrincipal AccountPrincipal me, @PathVariable LocalDate date) {
		boolean township = me.role() == Role.TOWNSHIP;
		List<UploadRecord> uploads = this.operations.uploads(date)
			.stream()
			.filter((u) -> !township || me.townshipCode().equals(u.townshipCode()))
			.toList();
		List<TownshipRecord> missing = this.operations.missingUploads(date)
			.stream()
			.filter((t) -> !township || me.townshipCode().equals(t.code()))
			.toList();
		Map<String, Object> night = new LinkedHashMap<>();
		night.put("date", date.toString());
		if (!township) {
			night.put("executions",
					this.operations.forDate(date)
						.stream()
						.map((run) -> me.role() == Role.OPERATOR ? run : run.withoutReason())
						.toList());
		}
		night.put("upload_file", uploads);
		night.put("missing_townships", missing);
		return night;
	}

	/** The failure reason for operators only: it may quote a path or a database error. */
	@GetMapping("/runs/{id}")
	RunRecord run(@AuthenticationPrincipal AccountPrincipal me, @PathVariable long id) {
		RunRecord run = this.operations.find(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
		return me.role() == Role.OPERATOR ? run : run.withoutReason();
	}

	@GetMapping("/rankings/latest")
	Map<String, Object> latest() {
		Map<String, Object> snapshot = this.snapshots.latest()
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
		return rankings(snapshot);
	}

	@GetMapping("/rankings/{date}")
	Map<String, Object> rankings(@PathVariable LocalDate date, @RequestParam(required = false) String campaign) {
		return rankings(this.snapshots.snapshot(date, campaign)
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND)));
	}

	private Map<String, Object> rankings(Map<String, Object> snapshot) {
		long id = ((Number) snapshot.get("snapshot_id")).longValue();
		Map<String, Object> answer = new LinkedHashMap<>();
		answer.put("snapshot", snapshot);
		answer.put("township_stats", this.snapshots.townshipStats(id));
		answer.put("township_ranking", this.snapshots.rankings(id));
		answer.put("lagging_village", this.snapshots.lagging(id));
		return answer;
	}

}
