package cn.yongkang.campaign.operations;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;

/**
 * A night at a glance: its state, and what its uploads gave.
 *
 * @param state {@code COMPLETED}, {@code FAILED}, {@code STOPPED}, {@code RUNNING} or
 * {@code NOT_RUN}
 * @param latest the newest execution of the date, null when it never ran
 * @param townshipsUploaded townships with a readable (loaded or duplicate) upload
 * @param townships registered townships
 */
public record NightRecord(LocalDate date, String state, RunRecord latest, int townshipsUploaded, int townships,
		int rowsRejected, int filesQuarantined, List<String> missingTownships) {

	public Duration duration() {
		return this.latest == null ? null : this.latest.duration();
	}

}
