package cn.yongkang.campaign.ingest;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import cn.yongkang.campaign.support.Fold;

/**
 * Finds the ledger in a stream of sheets and turns its rows into {@link RawRow}s. The
 * header need not be row 1: it is the first row, within the first
 * {@value #HEADER_SEARCH_ROWS} rows of a sheet, whose cells name at least
 * {@value #MIN_HEADER_FIELDS} ledger fields. Rows after it are data; a row without any
 * value in a ledger column is blank (a 序号 alone does not make a row), and so is a hint
 * row between the header and the first data row (单位：处, （年-月-日）). Blank rows after the
 * last data row are not part of the table and are not counted.
 */
final class LedgerTable implements SheetVisitor {

	static final int HEADER_SEARCH_ROWS = 30;

	static final int MIN_HEADER_FIELDS = 3;

	/** A template's hint under a header label: bracketed, or a 单位/注 line. */
	private static final Pattern HINT = Pattern.compile("[（(【\\[].*[）)】\\]]|(?:单位|注|说明)[:：].*", Pattern.DOTALL);

	private static final Set<LedgerField> ALWAYS_REQUIRED = EnumSet.of(LedgerField.TOWNSHIP, LedgerField.CATEGORY,
			LedgerField.ADDRESS, LedgerField.HAZARD, LedgerField.FOUND_ON, LedgerField.STATUS);

	private final boolean villageRequired;

	private final Consumer<RawRow> sink;

	private String sheetName;

	private Map<LedgerField, Integer> columns;

	private int headerRow;

	private int lastRowNumber;

	/** The last row seen in this sheet, header or not: row numbers only go up. */
	private int lastRowSeen;

	private int pendingBlankRows;

	private int blankRows;

	private int dataRows;

	private String missingColumnsReason;

	/**
	 * @param villageRequired false for a functional zone, whose ledger may lack the
	 * village column
	 * @param sink receives every non-blank data row, in order
	 */
	LedgerTable(boolean villageRequired, Consumer<RawRow> sink) {
		this.villageRequired = villageRequired;
		this.sink = sink;
	}

	@Override
	public void startSheet(String name) {
		this.sheetName = name;
		this.lastRowNumber = 0;
		this.lastRowSeen = 0;
	}

	@Override
	public void row(int rowNumber, List<String> cells) {
		checkBounds(rowNumber, cells);
		if (this.columns == null) {
			findHeader(rowNumber, cells);
			return;
		}
		if (rowNumber > this.lastRowNumber + 1) {
			this.pendingBlankRows += rowNumber - this.lastRowNumber - 1;
		}
		this.lastRowNumber = rowNumber;
		String[] values = new String[LedgerField.values().length];
		boolean blank = true;
		for (Map.Entry<LedgerField, Integer> column : this.columns.entrySet()) {
			int index = column.getValue();
			String value = index < cells.size() ? Fold.trim(CellValues.bounded(cells.get(index))) : "";
			if (!value.isEmpty()) {
				values[column.getKey().ordinal()] = value;
				blank = false;
			}
		}
		if (blank || (this.dataRows == 0 && isHint(values))) {
			this.pendingBlankRows++;
			return;
		}
		this.blankRows += this.pendingBlankRows;
		this.pendingBlankRows = 0;
		this.dataRows++;
		this.sink.accept(new RawRow(rowNumber, values));
	}

	/**
	 * Row numbers that repeat or go back, rows or columns past Excel's limits: the file
	 * was not saved by a spreadsheet program as it is, and its rows cannot be told apart.
	 */
	private void checkBounds(int rowNumber, List<String> cells) {
		String sheet = "工作表“" + FileNames.stored(this.sheetName) + "”";
		String fix = "，文件可能已损坏或被其他软件改写。请在Excel或WPS中打开，另存为.xlsx后重新上传";
		if (rowNumber < 1 || rowNumber > CellValues.MAX_ROWS) {
			throw new RefusedFileException(
					sheet + "中有行号" + rowNumber + "，超出Excel的行数范围（1至" + CellValues.MAX_ROWS + "）" + fix);
		}
		if (rowNumber <= this.lastRowSeen) {
			throw new RefusedFileException(sheet + "中第" + rowNumber + "行出现了不止一次（或行的顺序错乱）" + fix);
		}
		if (cells.size() > CellValues.MAX_COLUMNS) {
			throw new RefusedFileException(
					sheet + "第" + rowNumber + "行的列数超出Excel的最大列XFD（" + CellValues.MAX_COLUMNS + "列）" + fix);
		}
		this.lastRowSeen = rowNumber;
	}

	private static boolean isHint(String[] values) {
		for (String value : values) {
			if (value != null && !HINT.matcher(value).matches()) {
				return false;
			}
		}
		return true;
	}

	@Override
	public boolean endSheet() {
		return this.columns != null;
	}

	@Override
	public boolean countsAsValue(int column) {
		return this.columns == null || this.columns.containsValue(column);
	}

	private void findHeader(int rowNumber, List<String> cells) {
		if (rowNumber > HEADER_SEARCH_ROWS) {
			throw new SkipSheet();
		}
		Map<LedgerField, Integer> found = new EnumMap<>(LedgerField.class);
		for (int i = 0; i < cells.size(); i++) {
			int column = i;
			LedgerField.ofLabel(cells.get(i)).ifPresent((field) -> found.putIfAbsent(field, column));
		}
		if (found.size() < MIN_HEADER_FIELDS) {
			return;
		}
		Set<LedgerField> required = EnumSet.copyOf(ALWAYS_REQUIRED);
		if (this.villageRequired) {
			required.add(LedgerField.VILLAGE);
		}
		required.removeAll(found.keySet());
		if (!required.isEmpty()) {
			// Remember the best explanation, but keep looking: another sheet may hold the
			// full ledger.
			if (this.missingColumnsReason == null) {
				this.missingColumnsReason = "工作表“" + this.sheetName + "”第" + rowNumber + "行的表头缺少必需列："
						+ required.stream().map(LedgerField::header).collect(Collectors.joining("、"))
						+ "。请按台账模板补齐列名后重新上传";
			}
			throw new SkipSheet();
		}
		this.columns = found;
		this.headerRow = rowNumber;
		this.lastRowNumber = rowNumber;
	}

	/** Called after the reader is done: a file without a usable header is unreadable. */
	void requireHeader() throws UnreadableFileException {
		if (this.columns != null) {
			return;
		}
		if (this.missingColumnsReason != null) {
			throw new UnreadableFileException(this.missingColumnsReason);
		}
		throw new UnreadableFileException("未找到台账表头：请保留“乡镇（街道）”“村（社区）”“场所类型”“地址”“隐患描述”" + "“排查日期”“整改情况”等列名（表头须在前"
				+ HEADER_SEARCH_ROWS + "行内）后重新上传");
	}

	String sheetName() {
		return this.sheetName;
	}

	int headerRow() {
		return this.headerRow;
	}

	int blankRows() {
		return this.blankRows;
	}

	int dataRows() {
		return this.dataRows;
	}

	List<LedgerField> columnsFound() {
		return new ArrayList<>(this.columns.keySet());
	}

}
