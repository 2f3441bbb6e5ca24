package cn.yongkang.campaign.ingest;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntPredicate;

import org.apache.poi.ss.util.CellRangeAddress;

/**
 * Vertically merged ranges of one sheet, as clerks merge the 村（社区） cells of consecutive
 * rows of one village. Each cell below the first row, in the range's first column, takes
 * the value of the range's top cell. A row with nothing else in it stays empty: a
 * bordered blank row inside a merged range is still a blank row, and so is one that holds
 * only a 序号 or a remark outside the table's columns.
 */
final class MergedCells {

	private final Map<Integer, List<CellRangeAddress>> byFirstColumn = new HashMap<>();

	private final Map<CellRangeAddress, String> values = new HashMap<>();

	/** More merged ranges than a ledger has rows would only fill the heap. */
	static final int MAX_RANGES = 200_000;

	private int ranges;

	void add(CellRangeAddress range) {
		if (++this.ranges > MAX_RANGES) {
			throw new RefusedFileException(
					"工作表中的合并单元格超过" + MAX_RANGES + "处，文件可能已损坏或被其他软件改写。请取消不必要的合并单元格，另存为.xlsx后重新上传");
		}
		if (range.getLastRow() > range.getFirstRow()) {
			this.byFirstColumn.computeIfAbsent(range.getFirstColumn(), (c) -> new ArrayList<>()).add(range);
		}
	}

	/**
	 * @param row the 0-based row index
	 * @param cells the row's cells by column, completed in place
	 * @param counts the columns whose own values make the row one to fill
	 */
	void fill(int row, List<String> cells, IntPredicate counts) {
		if (this.byFirstColumn.isEmpty()) {
			return;
		}
		boolean hasValues = false;
		for (int column = 0; column < cells.size() && !hasValues; column++) {
			String cell = cells.get(column);
			hasValues = cell != null && !cell.isBlank() && counts.test(column);
		}
		for (Map.Entry<Integer, List<CellRangeAddress>> entry : this.byFirstColumn.entrySet()) {
			int column = entry.getKey();
			for (CellRangeAddress range : entry.getValue()) {
				if (row == range.getFirstRow()) {
					this.values.put(range, column < cells.size() ? cells.get(column) : null);
				}
				else if (hasValues && row > range.getFirstRow() && row <= range.getLastRow()) {
					while (cells.size() <= column) {
						cells.add(null);
					}
					if (cells.get(column) == null || cells.get(column).isEmpty()) {
						cells.set(column, this.values.get(range));
					}
				}
			}
		}
	}

}
