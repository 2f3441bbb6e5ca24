package cn.yongkang.campaign.sample;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.apache.poi.ss.util.CellRangeAddress;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The committed {@code sample-input/} must be exactly what the generator writes: edit the
 * generator, rerun it (see {@code sample-input/README.md}), commit both.
 */
class SampleInputGeneratorTests {

	private static final Path COMMITTED = Path.of("sample-input");

	@Test
	void committedSampleInputMatchesTheGenerator(@TempDir Path generated) throws IOException {
		SampleInputGenerator.generate(generated);
		List<Path> expected = files(generated);
		assertThat(files(COMMITTED)).as("files under sample-input/ (rerun the generator?)")
			.containsExactlyElementsOf(expected);
		for (Path file : expected) {
			Path committed = COMMITTED.resolve(file);
			Path fresh = generated.resolve(file);
			if (file.toString().endsWith(".xlsx")) {
				assertThat(describe(committed)).as("cells of %s (rerun the generator?)", file)
					.containsExactlyElementsOf(describe(fresh));
			}
			else {
				assertThat(Files.readString(committed)).as("%s (rerun the generator?)", file)
					.isEqualTo(Files.readString(fresh));
			}
		}
	}

	@Test
	void zhoushanResendsItsFileOfOctober2ByteForByte() throws IOException {
		Path oct2 = COMMITTED.resolve("2022-10-02/舟山镇/舟山镇消防隐患台账.xlsx");
		Path oct3 = COMMITTED.resolve("2022-10-03/舟山镇/舟山镇消防隐患台账.xlsx");
		assertThat(Files.readAllBytes(oct3)).isEqualTo(Files.readAllBytes(oct2));
	}

	@Test
	void otherFilesChangeFromDayToDay() throws IOException {
		Path oct3 = COMMITTED.resolve("2022-10-03/东城街道/东城街道消防安全隐患排查整治台账（10.3）.xlsx");
		Path oct4 = COMMITTED.resolve("2022-10-04/东城街道/东城街道消防安全隐患排查整治台账（10.4）.xlsx");
		assertThat(describe(oct4)).hasSizeGreaterThan(describe(oct3).size());
	}

	private static List<Path> files(Path root) throws IOException {
		try (Stream<Path> paths = Files.walk(root)) {
			return paths.filter(Files::isRegularFile).map(root::relativize).sorted().toList();
		}
	}

	/**
	 * One line per sheet, merged region and non-blank cell: what a reader of the workbook
	 * sees.
	 */
	private static List<String> describe(Path file) throws IOException {
		List<String> lines = new ArrayList<>();
		try (InputStream in = Files.newInputStream(file); Workbook workbook = WorkbookFactory.create(in)) {
			for (int s = 0; s < workbook.getNumberOfSheets(); s++) {
				Sheet sheet = workbook.getSheetAt(s);
				lines.add("sheet " + s + " " + sheet.getSheetName() + " hidden=" + workbook.isSheetHidden(s));
				for (CellRangeAddress merged : sheet.getMergedRegions()) {
					lines.add(sheet.getSheetName() + " merged " + merged.formatAsString());
				}
				for (Row row : sheet) {
					for (Cell cell : row) {
						if (cell.getCellType() != CellType.BLANK) {
							lines.add(sheet.getSheetName() + "!" + cell.getAddress() + " " + value(cell));
						}
					}
				}
			}
		}
		return lines;
	}

	private static String value(Cell cell) {
		return switch (cell.getCellType()) {
			case STRING -> "text " + cell.getStringCellValue();
			case NUMERIC ->
				"number " + cell.getNumericCellValue() + " format " + cell.getCellStyle().getDataFormatString();
			case BOOLEAN -> "boolean " + cell.getBooleanCellValue();
			case FORMULA -> "formula " + cell.getCellFormula() + " cached " + cell.getCachedFormulaResultType() + " "
					+ ((cell.getCachedFormulaResultType() == CellType.NUMERIC) ? cell.getNumericCellValue()
							: cell.getStringCellValue());
			default -> cell.getCellType().toString();
		};
	}

}
