package cn.yongkang.campaign.web;

import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.multipart.MaxUploadSizeExceededException;

/**
 * A request far over the upload limit is stopped before any controller sees it: scripts
 * get a JSON answer, the page a short Chinese message (both 413).
 */
@ControllerAdvice
@ConditionalOnWebApplication
class UploadTooLarge {

	@ExceptionHandler(MaxUploadSizeExceededException.class)
	ResponseEntity<?> tooLarge(HttpServletRequest request) {
		String reason = "文件超过上传大小上限，未保存。请删除多余的工作表或图片，或另存为.xlsx后重新上传";
		if (request.getRequestURI().startsWith(request.getContextPath() + "/api/")) {
			return ResponseEntity.status(HttpStatus.PAYLOAD_TOO_LARGE)
				.body(Map.of("status", "QUARANTINED", "reason", reason));
		}
		return ResponseEntity.status(HttpStatus.PAYLOAD_TOO_LARGE)
			.header("Content-Type", "text/plain;charset=UTF-8")
			.body(reason);
	}

}
