package cn.yongkang.campaign.web;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import jakarta.servlet.MultipartConfigElement;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.servlet.MultipartConfigFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.util.unit.DataSize;
import org.springframework.web.multipart.MultipartFile;

import cn.yongkang.campaign.account.AccountPrincipal;
import cn.yongkang.campaign.account.Role;
import cn.yongkang.campaign.pipeline.PipelineLauncher.Folders;
import cn.yongkang.campaign.selfservice.TownshipUploads;
import cn.yongkang.campaign.selfservice.Upload;
import cn.yongkang.campaign.selfservice.UploadAudit;
import cn.yongkang.campaign.selfservice.UploadFolders;
import cn.yongkang.campaign.selfservice.UploadResult;
import cn.yongkang.campaign.validate.Problem;

/**
 * What the upload page and {@code POST /api/upload} share: the township is the account's,
 * never the request's; the folders are the ones {@code serve} was given.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication
class Uploads {

	private final TownshipUploads uploads;

	private final ConsoleFolders folders;

	Uploads(TownshipUploads uploads, ConsoleFolders folders) {
		this.uploads = uploads;
		this.folders = folders;
	}

	/**
	 * Up to twice the upload limit reaches the service, which refuses and audits a file
	 * over the limit; beyond that the server stops reading at the door (413).
	 */
	@Bean
	static MultipartConfigElement multipartConfigElement(
			@org.springframework.beans.factory.annotation.Value("${campaign.upload.max-size:50MB}") DataSize maxSize) {
		MultipartConfigFactory factory = new MultipartConfigFactory();
		factory.setMaxFileSize(DataSize.ofBytes(maxSize.toBytes() * 2));
		factory.setMaxRequestSize(DataSize.ofBytes(maxSize.toBytes() * 2 + 64 * 1024));
		factory.setFileSizeThreshold(DataSize.ofMegabytes(1));
		return factory.createMultipartConfig();
	}

	UploadResult upload(AccountPrincipal me, MultipartFile file, HttpServletRequest request) throws IOException {
		requireTownship(me);
		return this.uploads.upload(new Upload(me.login(), me.townshipCode(), file.getOriginalFilename(),
				file.getInputStream(), request.getRemoteAddr()), uploadFolders());
	}

	List<UploadAudit> recent(AccountPrincipal me) {
		return this.uploads.audit(me.townshipCode(), null, 20);
	}

	TownshipUploads service() {
		return this.uploads;
	}

	UploadFolders uploadFolders() {
		Folders console = this.folders.folders();
		return new UploadFolders(console.inbox(), console.jobs(), console.reports());
	}

	/** The feedback workbook of an upload, for its own township and the city's roles. */
	Path feedback(AccountPrincipal me, UploadAudit audit) {
		if (!me.maySee(audit.townshipCode())) {
			throw new AccessDeniedException("another township's upload");
		}
		if (audit.feedbackFile() == null) {
			return null;
		}
		Path reports = uploadFolders().reports().toAbsolutePath().normalize();
		Path file = reports.resolve(audit.feedbackFile()).normalize();
		return file.startsWith(reports.resolve("uploads")) ? file : null;
	}

	static void requireTownship(AccountPrincipal me) {
		if (me.role() != Role.TOWNSHIP || me.townshipCode() == null) {
			throw new AccessDeniedException("only a township account uploads, into its own folder");
		}
	}

	/**
	 * The JSON answer: the keys of {@code upload_file} and {@code rejected_row}, and
	 * where to download the 退回清单 (never a file system path).
	 */
	record Answer(long uploadId, String townshipCode, String townshipName, String inboxDate, String fileName,
			String storedName, long fileSize, String sha256, String status, String reason, Integer rowsRead,
			Integer rowsAccepted, Integer rowsRejected, Integer rowsBlank, List<Rejected> rejected,
			List<UploadResult.Warning> warnings, String feedbackUrl) {

		static Answer of(UploadResult result) {
			return new Answer(result.uploadId(), result.townshipCode(), result.townshipName(),
					result.inboxDate().toString(), result.fileName(), result.storedName(), result.fileSize(),
					result.sha256(), result.status(), result.reason(), result.rowsRead(), result.rowsAccepted(),
					result.rowsRejected(), result.rowsBlank(),
					result.rejected()
						.stream()
						.map((row) -> new Rejected(row.rowNumber(), row.reasons(), row.problems()))
						.toList(),
					result.warnings(),
					result.feedbackFile() == null ? null : "/uploads/" + result.uploadId() + "/feedback");
		}

	}

	record Rejected(int rowNumber, String reasons, List<Problem> problems) {
	}

}
