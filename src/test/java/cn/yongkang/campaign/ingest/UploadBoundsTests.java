package cn.yongkang.campaign.ingest;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import cn.yongkang.campaign.registry.Registry;
import cn.yongkang.campaign.support.Fold;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

/**
 * The bounds one upload meets before anything is stored: CSV records, row numbers, names,
 * inbox entries.
 */
class UploadBoundsTests {

	private static final Registry REGISTRY = Registry.load(Path.of("jobs"));

	@TempDir
	Path dir;

	private static String filtered(String csv) throws IOException {
		try (CsvBounds bounds = new CsvBounds(new StringReader(csv), ',')) {
			return read(bounds);
		}
	}

	private static String read(Reader reader) throws IOException {
		StringBuilder out = new StringBuilder();
		char[] buffer = new char[100];
		for (int n = reader.read(buffer); n >= 0; n = reader.read(buffer)) {
			out.append(buffer, 0, n);
		}
		return out.toString();
	}

	@Test
	void aCsvFieldIsCutOnePastACellWithoutMovingTheFieldsAfterIt() throws IOException {
		String longField = "\"" + "a".repeat(100_000) + "\"";
		String out = filtered("x," + longField + ",y\r\nz\r\n");
		assertThat(out).hasSize(2 + 1 + CellValues.MAX_KEPT + 1 + 2 + 2 + 1 + 2);
		assertThat(out).endsWith("\",y\r\nz\r\n");
	}

	@Test
	void aCsvRecordOfMillionsOfDelimitersRefusesTheFile() {
		assertThatThrownBy(() -> filtered("a,b\r\n" + ",".repeat(CsvBounds.MAX_RECORD_CHARS + 1)))
			.isInstanceOf(RefusedFileException.class)
			.hasMessageStartingWith("第2行超过200万个字符");
	}

	@Test
	void aLastRecordCutShortIsTold() throws IOException {
		Map<String, Boolean> cases = Map.of("a,b,c\r\n1,2,3\r\n", false, "a,b,c\r\n1,2,3", false, "a,b,c\r\n1,2", true,
				"a,b,c\r\n1,\"2", true, "a,b,c\r\n1,2,\"3\"", false, "a,b,c\n", false);
		for (Map.Entry<String, Boolean> entry : cases.entrySet()) {
			try (CsvBounds bounds = new CsvBounds(new StringReader(entry.getKey()), ',')) {
				read(bounds);
				assertThat(bounds.lastRecordCut()).as(entry.getKey()).isEqualTo(entry.getValue());
			}
		}
	}

	@Test
	void rowsThatRepeatOrPassExcelsLimitsRefuseTheFile() {
		LedgerTable table = new LedgerTable(true, (row) -> {
		});
		table.startSheet("Sheet1");
		table.row(1, List.of("序号"));
		table.row(2, List.of("x"));
		assertThatThrownBy(() -> table.row(2, List.of("x"))).isInstanceOf(RefusedFileException.class)
			.hasMessageContaining("第2行出现了不止一次");
		assertThatThrownBy(() -> table.row(CellValues.MAX_ROWS + 1, List.of("x"))).hasMessageContaining("超出Excel的行数范围");
		LedgerTable wide = new LedgerTable(true, (row) -> {
		});
		wide.startSheet("Sheet1");
		assertThatThrownBy(() -> wide.row(1, java.util.Collections.nCopies(CellValues.MAX_COLUMNS + 1, "x")))
			.hasMessageContaining("最大列XFD");
	}

	@Test
	void storedNamesAreCutWithANoteAndWithoutNul() {
		assertThat(FileNames.stored("台账.xlsx")).isEqualTo("台账.xlsx");
		String cut = FileNames.stored("长".repeat(600) + ".xlsx");
		assertThat(cut).hasSizeLessThanOrEqualTo(FileNames.MAX_STORED)
			.startsWith("长长")
			.contains("名称过长，共605个字符，已截断，")
			.endsWith(".xlsx");
		assertThat(CellValues.bounded("a\u0000b")).isEqualTo("ab");
		assertThat(CellValues.bounded("x".repeat(40_000))).hasSize(CellValues.MAX_KEPT);
	}

	@Test
	void loneSurrogatesBecomeReplacementCharactersAndPairsStay() {
		assertThat(CellValues.bounded("a\uD800b\uDC00c")).isEqualTo("a\uFFFDb\uFFFDc");
		assertThat(CellValues.bounded("\uD83D\uDD25火\uDD25\uD83D")).isEqualTo("\uD83D\uDD25火\uFFFD\uFFFD");
		String cutInsidePair = "x".repeat(CellValues.MAX_KEPT - 1) + "\uD83D\uDD25";
		assertThat(CellValues.bounded(cutInsidePair)).hasSize(CellValues.MAX_KEPT).endsWith("x\uFFFD");
		String plain = "整改中";
		assertThat(CellValues.bounded(plain)).isSameAs(plain);
	}

	@Test
	void controlCharactersArePrintedEscaped() {
		assertThat(Fold.printable("台账\u001b[2J\u0007.xlsx")).isEqualTo("台账\\u001b[2J\\u0007.xlsx");
		assertThat(Fold.printable("东城街道")).isEqualTo("东城街道");
		assertThat(Fold.printable("a\u202eb")).isEqualTo("a\\u202eb");
	}

	@Test
	void theScannerReadsOnlyRegularFilesThatHaveSettled() throws Exception {
		Path date = Files.createDirectories(this.dir.resolve("inbox/2022-10-04"));
		Path township = Files.createDirectories(date.resolve("东城街道"));
		Path outside = Files.writeString(this.dir.resolve("secret.txt"), "secret");
		Files.writeString(township.resolve("old.csv"), "a,b\r\n");
		Files.setLastModifiedTime(township.resolve("old.csv"), FileTime.from(Instant.now().minusSeconds(3600)));
		Files.writeString(township.resolve("new.csv"), "a,b\r\n");
		Files.createSymbolicLink(township.resolve("link.xlsx"), outside);
		Files.createSymbolicLink(date.resolve("古山镇"), township);
		new ProcessBuilder("mkfifo", township.resolve("pipe.csv").toString()).start().waitFor();
		Map<String, InboxFile> files = InboxScanner.scan(date, REGISTRY, Duration.ofSeconds(60))
			.stream()
			.collect(Collectors.toMap((f) -> f.folder() + "/" + f.fileName(), (f) -> f));
		assertThat(files).containsOnlyKeys("东城街道/old.csv", "东城街道/new.csv", "东城街道/link.xlsx", "东城街道/pipe.csv", "古山镇/");
		assertThat(files.get("东城街道/old.csv").problem()).isNull();
		assertThat(files.get("东城街道/old.csv").sha256()).hasSize(64);
		assertThat(files.get("东城街道/new.csv").deferral()).contains("留待下次运行处理");
		assertThat(files.get("东城街道/link.xlsx").problem()).contains("符号链接");
		assertThat(files.get("东城街道/link.xlsx").sha256()).isEqualTo(InboxFile.UNREAD);
		assertThat(files.get("东城街道/pipe.csv").problem()).contains("不是普通文件");
		assertThat(files.get("古山镇/").problem()).contains("符号链接");
	}

	@Test
	void anUnreadableFileOrFolderIsListedWithItsReason() throws Exception {
		assumeThat(System.getProperty("user.name")).as("root reads every file").isNotEqualTo("root");
		Path date = Files.createDirectories(this.dir.resolve("inbox/2022-10-04"));
		Path township = Files.createDirectories(date.resolve("东城街道"));
		Path file = Files.writeString(township.resolve("locked.csv"), "a,b\r\n");
		Files.setLastModifiedTime(file, FileTime.from(Instant.now().minusSeconds(3600)));
		Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("---------"));
		Path folder = Files.createDirectories(date.resolve("古山镇"));
		Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("---------"));
		try {
			List<InboxFile> files = InboxScanner.scan(date, REGISTRY, Duration.ZERO);
			assertThat(files).extracting(InboxFile::problem)
				.containsExactlyInAnyOrder(InboxScanner.UNREADABLE_FILE, InboxScanner.UNREADABLE_FOLDER);
		}
		finally {
			Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("rwx------"));
		}
	}

	@Test
	void aFileThatChangedSinceTheScanIsToldAndItsCopyGoes() throws Exception {
		Path file = Files.writeString(this.dir.resolve("台账.csv"), "a,b\r\n");
		InboxFile scanned = InboxFile.readable(file, "东城街道", "台账.csv", null, Files.size(file),
				InboxScanner.sha256(file));
		Path copy;
		try (FileSnapshot same = FileSnapshot.of(scanned)) {
			assertThat(same.unchanged()).isTrue();
			assertThat(same.path().getFileName().toString()).isEqualTo("台账.csv");
			copy = same.path();
		}
		assertThat(copy).doesNotExist();
		Files.writeString(file, "a,b\r\n1,2\r\n");
		try (FileSnapshot changed = FileSnapshot.of(scanned)) {
			assertThat(changed.unchanged()).isFalse();
		}
	}

	@Test
	void aFailureInsideOneFileGetsTheReadersReasonOrAGeneralOne() {
		assertThat(FileStaging.reason(new RuntimeException(new RefusedFileException("理由")))).isEqualTo("理由");
		assertThat(FileStaging.reason(new IndexOutOfBoundsException("x"))).isEqualTo(FileStaging.READ_FAILED);
	}

}
