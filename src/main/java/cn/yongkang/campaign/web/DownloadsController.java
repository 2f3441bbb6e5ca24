package cn.yongkang.campaign.web;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.server.ResponseStatusException;

import cn.yongkang.campaign.account.AccountPrincipal;
import cn.yongkang.campaign.account.Role;
import cn.yongkang.campaign.operations.NightlyOperations;
import cn.yongkang.campaign.operations.RunRecord;

/**
 * Report files by id. The folder is the one the date's run wrote to; a township account
 * gets the published files and its own feedback workbook, another township's is 403.
 */
@Controller
@ConditionalOnWebApplication
class DownloadsController {

	private final NightlyOperations operations;

	private final ReportDownloads downloads;

	DownloadsController(NightlyOperations operations, ReportDownloads downloads) {
		this.operations = operations;
		this.downloads = downloads;
	}

	@GetMapping("/downloads/{date}/{id}")
	ResponseEntity<Resource> download(@AuthenticationPrincipal AccountPrincipal me, @PathVariable LocalDate date,
			@PathVariable String id) {
		ReportDownloads.ReportFile file = this.operations.forDate(date)
			.stream()
			.map(RunRecord::reportFolder)
			.distinct()
			.flatMap((folder) -> this.downloads.find(folder, this.operations.townships(), id).stream())
			.findFirst()
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
		if (file.feedback() && me.role() == Role.TOWNSHIP && !me.townshipCode().equals(file.townshipCode())) {
			throw new AccessDeniedException("another township's feedback");
		}
		return ResponseEntity.ok()
			.contentType(MediaType.APPLICATION_OCTET_STREAM)
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename(file.name(), StandardCharsets.UTF_8).build().toString())
			.header("X-Content-Type-Options", "nosniff")
			.body(new FileSystemResource(file.path()));
	}

}
