package cn.yongkang.campaign.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.server.ResponseStatusException;

import cn.yongkang.campaign.account.AccountPrincipal;
import cn.yongkang.campaign.campaign.CampaignCatalog;
import cn.yongkang.campaign.registry.Registry;
import cn.yongkang.campaign.registry.Township;
import cn.yongkang.campaign.selfservice.LedgerTemplate;
import cn.yongkang.campaign.selfservice.UploadAudit;
import cn.yongkang.campaign.selfservice.UploadResult;

/**
 * The township clerk's page: upload the ledger and see at once every rejected row with
 * its reasons, download the 退回清单 and the township's template.
 */
@Controller
@ConditionalOnWebApplication
class UploadController {

	private final Uploads uploads;

	UploadController(Uploads uploads) {
		this.uploads = uploads;
	}

	@GetMapping("/upload")
	String page(@AuthenticationPrincipal AccountPrincipal me, Model model) {
		Uploads.requireTownship(me);
		return page(me, model, null);
	}

	@PostMapping("/upload")
	String upload(@AuthenticationPrincipal AccountPrincipal me, @RequestParam(required = false) MultipartFile file,
			HttpServletRequest request, Model model) throws IOException {
		Uploads.requireTownship(me);
		if (file == null || file.isEmpty() && file.getOriginalFilename() == null) {
			model.addAttribute("error", "请选择要上传的台账文件");
			return page(me, model, null);
		}
		return page(me, model, this.uploads.upload(me, file, request));
	}

	private String page(AccountPrincipal me, Model model, UploadResult result) {
		Registry registry = Registry.load(this.uploads.uploadFolders().jobs());
		model.addAttribute("township", registry.townshipByCode(me.townshipCode()).map(Township::name).orElse(""));
		model.addAttribute("today", this.uploads.service().today());
		model.addAttribute("maxSize", this.uploads.service().maxSize().toMegabytes() + " MB");
		model.addAttribute("result", result);
		model.addAttribute("recent", this.uploads.recent(me));
		return "upload";
	}

	/** The township's own ledger template, made now from the registry and campaign. */
	@GetMapping("/upload/template")
	ResponseEntity<Resource> template(@AuthenticationPrincipal AccountPrincipal me) throws IOException {
		Uploads.requireTownship(me);
		Path jobs = this.uploads.uploadFolders().jobs();
		Registry registry = Registry.load(jobs);
		Township township = registry.townshipByCode(me.townshipCode())
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
		Path file = Files.createTempFile("template", ".xlsx");
		try {
			LedgerTemplate.write(registry, township,
					LedgerTemplate.campaign(CampaignCatalog.load(jobs), null, this.uploads.service().today()), file);
			return attachment(LedgerTemplate.fileName(township), new ByteArrayResource(Files.readAllBytes(file)));
		}
		finally {
			Files.deleteIfExists(file);
		}
	}

	/** An upload's 退回清单, by the upload's id: never a path from the request. */
	@GetMapping("/uploads/{id}/feedback")
	ResponseEntity<Resource> feedback(@AuthenticationPrincipal AccountPrincipal me, @PathVariable long id) {
		UploadAudit audit = this.uploads.service()
			.find(id)
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
		Path file = this.uploads.feedback(me, audit);
		if (file == null || !Files.isRegularFile(file)) {
			throw new ResponseStatusException(HttpStatus.NOT_FOUND);
		}
		return attachment(file.getFileName().toString(), new FileSystemResource(file));
	}

	static ResponseEntity<Resource> attachment(String name, Resource body) {
		return ResponseEntity.ok()
			.contentType(MediaType.APPLICATION_OCTET_STREAM)
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename(name, StandardCharsets.UTF_8).build().toString())
			.header("X-Content-Type-Options", "nosniff")
			.body(body);
	}

}
