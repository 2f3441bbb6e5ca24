package cn.yongkang.campaign.web;

import java.io.IOException;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.multipart.support.MissingServletRequestPartException;

import cn.yongkang.campaign.account.AccountPrincipal;
import cn.yongkang.campaign.selfservice.UploadAudit;

/**
 * The upload for scripts ({@code POST /api/upload}, multipart field {@code file}, HTTP
 * Basic as a township account) and the audit trail for the city ({@code /api/uploads}).
 */
@RestController
@RequestMapping("/api")
@ConditionalOnWebApplication
class UploadApiController {

	private final Uploads uploads;

	UploadApiController(Uploads uploads) {
		this.uploads = uploads;
	}

	@PostMapping("/upload")
	Uploads.Answer upload(@AuthenticationPrincipal AccountPrincipal me, @RequestParam("file") MultipartFile file,
			HttpServletRequest request) throws IOException {
		return Uploads.Answer.of(this.uploads.upload(me, file, request));
	}

	/**
	 * Newest first; {@code date} (the inbox date) and {@code township} (code) narrow it.
	 */
	@GetMapping("/uploads")
	List<UploadAudit> uploads(@RequestParam(required = false) LocalDate date,
			@RequestParam(required = false) String township, @RequestParam(defaultValue = "200") int limit) {
		return this.uploads.service().audit(township, date, Math.min(limit, 1000));
	}

	@ExceptionHandler(MissingServletRequestPartException.class)
	ResponseEntity<Map<String, String>> noFile() {
		return ResponseEntity.status(HttpStatus.BAD_REQUEST).body(Map.of("reason", "请求中没有名为 file 的文件"));
	}

}
