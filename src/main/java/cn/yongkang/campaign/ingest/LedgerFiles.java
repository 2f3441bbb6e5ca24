package cn.yongkang.campaign.ingest;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Reads one ledger file the way the night does: its format judged by its content, the
 * ledger sheet and header found by their labels, the rows streamed to a consumer. The
 * ingest stage and the township's instant check both read through here, so a file gets
 * the same verdict either way.
 */
public final class LedgerFiles {

	private static final Map<FileFormat, WorkbookReader> READERS = Map.of(FileFormat.XLSX, new XlsxWorkbookReader(),
			FileFormat.XLS, new XlsWorkbookReader(), FileFormat.CSV, new CsvWorkbookReader());

	private LedgerFiles() {
	}

	/**
	 * @param villageRequired false for a functional zone, whose ledger may lack the
	 * village column
	 * @param rows receives every non-blank data row, in order
	 * @throws UnreadableFileException when the file is no readable ledger; its message is
	 * the quarantine reason
	 */
	public static LedgerRead read(Path file, boolean villageRequired, Consumer<RawRow> rows)
			throws IOException, UnreadableFileException {
		FileFormat format = FileFormat.detect(file);
		LedgerTable table = new LedgerTable(villageRequired, rows);
		READERS.get(format).read(file, table);
		table.requireHeader();
		return new LedgerRead(format.name(), table.sheetName(), table.headerRow(), table.dataRows(), table.blankRows());
	}

	/**
	 * The quarantine reason for a failure while reading, as the night gives it: the
	 * reader's own reason (unreadable, a bound exceeded) or a general one.
	 */
	public static String quarantineReason(Throwable failure) {
		return FileStaging.reason(failure);
	}

	/**
	 * Why a file is DUPLICATE: the same content as the one the township sent on that date
	 * under that name.
	 */
	public static String duplicateReason(LocalDate inboxDate, String fileName) {
		return FileProblems.duplicate(inboxDate, fileName);
	}

	/**
	 * What reading found: the format (XLSX, XLS, CSV), the ledger's sheet and header row,
	 * the data rows handed on and the blank rows skipped.
	 */
	public record LedgerRead(String format, String sheetName, int headerRow, int dataRows, int blankRows) {

		/** Rows read, as upload_file counts them: data rows and blank rows. */
		public int rowsRead() {
			return this.dataRows + this.blankRows;
		}

	}

}
