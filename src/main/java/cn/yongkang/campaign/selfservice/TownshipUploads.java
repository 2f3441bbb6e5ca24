package cn.yongkang.campaign.selfservice;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.util.unit.DataSize;

import cn.yongkang.campaign.ingest.LedgerFiles;
import cn.yongkang.campaign.registry.Registry;
import cn.yongkang.campaign.registry.Township;
import cn.yongkang.campaign.validate.FeedbackWorkbook;

/**
 * Takes a township's upload: stores it atomically in its own inbox folder
 * ({@code INBOX/<today>/<township>/}, a hidden temporary name first, then a rename, so
 * the night never reads half a file), records who sent what in {@code upload_audit}, and
 * answers at once with the night's verdict: the same reading and row rules, the same
 * quarantine reasons, the same content recognized as sent before. Nothing goes to
 * {@code hazard} or a snapshot; the night does that with the stored file.
 */
@Service
public class TownshipUploads {

	private static final Logger log = LoggerFactory.getLogger(TownshipUploads.class);

	/**
	 * Stored names start with the upload time, so the night applies them in upload order.
	 */
	private static final DateTimeFormatter TIME_PREFIX = DateTimeFormatter.ofPattern("HHmmss");

	private static final String AUDIT = "SELECT upload_id, login, township_code, file_name, stored_name, inbox_date,"
			+ " file_size, sha256, uploaded_at, client_address, status, reason, rows_read, rows_accepted,"
			+ " rows_rejected, rows_blank, rows_warned, feedback_file FROM upload_audit";

	private final JdbcTemplate jdbc;

	private final LedgerCheck check;

	private final DataSize maxSize;

	private final Clock clock;

	public TownshipUploads(JdbcTemplate jdbc, LedgerCheck check,
			@Value("${campaign.upload.max-size:50MB}") DataSize maxSize, ObjectProvider<Clock> clock) {
		this.jdbc = jdbc;
		this.check = check;
		this.maxSize = maxSize;
		this.clock = clock.getIfAvailable(() -> Clock.system(LedgerCheck.ZONE));
	}

	/** Today in the office's calendar: the inbox date an upload now is stored for. */
	public LocalDate today() {
		return LocalDate.now(this.clock);
	}

	public DataSize maxSize() {
		return this.maxSize;
	}

	public UploadResult upload(Upload upload, UploadFolders folders) throws IOException {
		Registry registry = Registry.load(folders.jobs());
		Township township = registry.townshipByCode(upload.townshipCode())
			.orElseThrow(() -> new IllegalArgumentException(
					"township " + upload.townshipCode() + " of account " + upload.login() + " is not in the registry"));
		Instant now = this.clock.instant();
		ZonedDateTime local = now.atZone(this.clock.getZone());
		LocalDate today = local.toLocalDate();
		Path inbox = folders.inbox().toAbsolutePath().normalize();
		Path folder = inbox.resolve(today.toString()).resolve(township.name()).normalize();
		if (!folder.getParent().getParent().equals(inbox)) {
			throw new IllegalStateException("township name " + township.name() + " is not a plain folder name");
		}
		Files.createDirectories(folder);
		String name = TIME_PREFIX.format(local) + "-" + SafeFileName.of(upload.fileName());
		String sentName = printable(upload.fileName());
		// Hidden (a leading dot) while it is written: the night's scanner skips such
		// files.
		Path temporary = folder.resolve("." + UUID.randomUUID() + "-" + name);
		try {
			Received received = receive(upload.content(), temporary);
			if (received.tooLarge()) {
				String reason = "文件超过上传大小上限" + megabytes(this.maxSize) + "，未保存。请删除多余的工作表或图片，或另存为.xlsx后重新上传";
				long id = insert(upload, sentName, null, township, today, now, received, "QUARANTINED", reason, null);
				log.warn("Upload {} by {} for {}: over the size limit, not stored", id, upload.login(),
						township.name());
				return new UploadResult(id, township.code(), township.name(), today, sentName, null, received.size(),
						null, now, "QUARANTINED", reason, null, null, null, null, List.of(), List.of(), null);
			}
			CheckReport report = this.check.check(temporary, registry, township, today);
			String status = "LOADED";
			String reason = null;
			if (!report.readable()) {
				status = "QUARANTINED";
				reason = report.quarantineReason();
			}
			else {
				Optional<String> earlier = earlierUpload(township, received.sha256());
				if (earlier.isPresent()) {
					status = "DUPLICATE";
					reason = earlier.get();
				}
			}
			String stored = moveIntoPlace(temporary, folder, name);
			long id = insert(upload, sentName, stored, township, today, now, received, status, reason, report);
			Path feedback = folders.reports()
				.resolve("uploads")
				.resolve(today.toString())
				.resolve(township.name())
				.resolve(id + "-" + FeedbackWorkbook.fileName(township.name(), today));
			this.check.writeFeedback(report, stored, feedback);
			this.jdbc.update("UPDATE upload_audit SET feedback_file = ? WHERE upload_id = ?",
					folders.reports().relativize(feedback).toString().replace('\\', '/'), id);
			log.info("Upload {} by {} for {}: {} stored as {}, {}", id, upload.login(), township.name(), sentName,
					stored, status);
			return result(id, township, today, sentName, stored, received, now, status, reason, report, feedback);
		}
		finally {
			Files.deleteIfExists(temporary);
		}
	}

	/**
	 * The audit trail, newest first: of one township when a code is given, of one inbox
	 * date when a date is given.
	 */
	public List<UploadAudit> audit(String townshipCode, LocalDate date, int limit) {
		StringBuilder sql = new StringBuilder(AUDIT + " WHERE 1 = 1");
		List<Object> arguments = new java.util.ArrayList<>();
		if (townshipCode != null) {
			sql.append(" AND township_code = ?");
			arguments.add(townshipCode);
		}
		if (date != null) {
			sql.append(" AND inbox_date = ?");
			arguments.add(date);
		}
		sql.append(" ORDER BY upload_id DESC FETCH FIRST ").append(Math.max(1, limit)).append(" ROWS ONLY");
		return this.jdbc.query(sql.toString(), TownshipUploads::auditRow, arguments.toArray());
	}

	public Optional<UploadAudit> find(long uploadId) {
		return this.jdbc.query(AUDIT + " WHERE upload_id = ?", TownshipUploads::auditRow, uploadId)
			.stream()
			.findFirst();
	}

	private static UploadAudit auditRow(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
		return new UploadAudit(rs.getLong("upload_id"), rs.getString("login"), rs.getString("township_code"),
				rs.getString("file_name"), rs.getString("stored_name"), rs.getDate("inbox_date").toLocalDate(),
				rs.getLong("file_size"), rs.getString("sha256"), rs.getTimestamp("uploaded_at").toInstant(),
				rs.getString("client_address"), rs.getString("status"), rs.getString("reason"),
				(Integer) rs.getObject("rows_read"), (Integer) rs.getObject("rows_accepted"),
				(Integer) rs.getObject("rows_rejected"), (Integer) rs.getObject("rows_blank"),
				(Integer) rs.getObject("rows_warned"), rs.getString("feedback_file"));
	}

	/** Copies the content to the temporary file, hashing it, and stops past the limit. */
	private Received receive(InputStream content, Path temporary) throws IOException {
		MessageDigest digest = sha256();
		long limit = this.maxSize.toBytes();
		long size = 0;
		byte[] buffer = new byte[64 * 1024];
		try (InputStream in = content; OutputStream out = Files.newOutputStream(temporary)) {
			int read;
			while ((read = in.read(buffer)) >= 0) {
				size += read;
				if (size > limit) {
					return new Received(size, null, true);
				}
				digest.update(buffer, 0, read);
				out.write(buffer, 0, read);
			}
		}
		return new Received(size, HexFormat.of().formatHex(digest.digest()), false);
	}

	/**
	 * The night's rule: the same content from the same township, already loaded, is not
	 * processed again; the self-service also knows uploads the night has not seen yet.
	 */
	private Optional<String> earlierUpload(Township township, String sha256) {
		List<String> night = this.jdbc.query(
				"SELECT inbox_date, file_name FROM upload_file WHERE sha256 = ? AND township_code = ?"
						+ " AND status = 'LOADED' ORDER BY file_id FETCH FIRST 1 ROWS ONLY",
				(rs, i) -> LedgerFiles.duplicateReason(rs.getDate(1).toLocalDate(), rs.getString(2)), sha256,
				township.code());
		if (!night.isEmpty()) {
			return Optional.of(night.get(0));
		}
		List<String> uploads = this.jdbc.query(
				"SELECT inbox_date, stored_name FROM upload_audit WHERE sha256 = ? AND township_code = ?"
						+ " AND status = 'LOADED' ORDER BY upload_id FETCH FIRST 1 ROWS ONLY",
				(rs, i) -> LedgerFiles.duplicateReason(rs.getDate(1).toLocalDate(), rs.getString(2)), sha256,
				township.code());
		return uploads.stream().findFirst();
	}

	/**
	 * Gives the finished file its name, numbered when the name is taken: a hard link is
	 * made in one step and fails rather than replace another upload, and the night sees
	 * the file whole or not at all.
	 */
	private static String moveIntoPlace(Path temporary, Path folder, String name) throws IOException {
		for (int number = 1;; number++) {
			String candidate = number == 1 ? name : SafeFileName.numbered(name, number);
			try {
				Files.createLink(folder.resolve(candidate), temporary);
				Files.delete(temporary);
				return candidate;
			}
			catch (FileAlreadyExistsException ex) {
				// Taken: try the next number.
			}
		}
	}

	private long insert(Upload upload, String sentName, String stored, Township township, LocalDate today, Instant now,
			Received received, String status, String reason, CheckReport report) {
		GeneratedKeyHolder key = new GeneratedKeyHolder();
		boolean counted = report != null && report.readable();
		this.jdbc.update((connection) -> {
			var statement = connection.prepareStatement("INSERT INTO upload_audit (login, township_code, file_name,"
					+ " stored_name, inbox_date, file_size, sha256, uploaded_at, client_address, status, reason,"
					+ " rows_read, rows_accepted, rows_rejected, rows_blank, rows_warned)"
					+ " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", new String[] { "upload_id" });
			statement.setString(1, upload.login());
			statement.setString(2, township.code());
			statement.setString(3, sentName);
			statement.setString(4, stored);
			statement.setObject(5, today);
			statement.setLong(6, received.size());
			statement.setString(7, received.sha256());
			statement.setTimestamp(8, Timestamp.from(now));
			statement.setString(9, upload.clientAddress());
			statement.setString(10, status);
			statement.setString(11, reason);
			statement.setObject(12, counted ? report.rowsRead() : null);
			statement.setObject(13, counted ? report.rowsAccepted() : null);
			statement.setObject(14, counted ? report.rowsRejected() : null);
			statement.setObject(15, counted ? report.rowsBlank() : null);
			statement.setObject(16, counted ? report.warned().size() : null);
			return statement;
		}, key);
		return key.getKey().longValue();
	}

	private static UploadResult result(long id, Township township, LocalDate today, String sentName, String stored,
			Received received, Instant now, String status, String reason, CheckReport report, Path feedback) {
		boolean counted = report.readable();
		List<UploadResult.Rejected> rejected = report.rejected()
			.stream()
			.map((row) -> new UploadResult.Rejected(row.rowNumber(), row.reasons(), row.problems(), row.values()))
			.toList();
		List<UploadResult.Warning> warnings = report.warned()
			.stream()
			.map((row) -> new UploadResult.Warning(row.rowNumber(), row.warnings()))
			.toList();
		return new UploadResult(id, township.code(), township.name(), today, sentName, stored, received.size(),
				received.sha256(), now, status, reason, counted ? report.rowsRead() : null,
				counted ? report.rowsAccepted() : null, counted ? report.rowsRejected() : null,
				counted ? report.rowsBlank() : null, rejected, warnings, feedback);
	}

	/** The browser's name for the audit: as sent, without control characters, bounded. */
	private static String printable(String name) {
		String text = name == null ? "" : name.replaceAll("\\p{Cc}", "");
		return text.length() > 500 ? text.substring(0, 500) : text;
	}

	private static String megabytes(DataSize size) {
		return size.toMegabytes() >= 1 ? size.toMegabytes() + " MB" : size.toKilobytes() + " KB";
	}

	private static MessageDigest sha256() {
		try {
			return MessageDigest.getInstance("SHA-256");
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private record Received(long size, String sha256, boolean tooLarge) {
	}

}
