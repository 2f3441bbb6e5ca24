package cn.yongkang.campaign.ingest;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.FileChannel;
import java.nio.file.FileSystemException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import org.apache.poi.EncryptedDocumentException;
import org.apache.poi.hssf.OldExcelFormatException;
import org.apache.poi.hssf.eventusermodel.AbortableHSSFListener;
import org.apache.poi.hssf.eventusermodel.FormatTrackingHSSFListener;
import org.apache.poi.hssf.eventusermodel.HSSFEventFactory;
import org.apache.poi.hssf.eventusermodel.HSSFRequest;
import org.apache.poi.hssf.record.BOFRecord;
import org.apache.poi.hssf.record.BoolErrRecord;
import org.apache.poi.hssf.record.BoundSheetRecord;
import org.apache.poi.hssf.record.CellValueRecordInterface;
import org.apache.poi.hssf.record.DateWindow1904Record;
import org.apache.poi.hssf.record.EOFRecord;
import org.apache.poi.hssf.record.FormulaRecord;
import org.apache.poi.hssf.record.LabelRecord;
import org.apache.poi.hssf.record.LabelSSTRecord;
import org.apache.poi.hssf.record.MergeCellsRecord;
import org.apache.poi.hssf.record.MulBlankRecord;
import org.apache.poi.hssf.record.NumberRecord;
import org.apache.poi.hssf.record.Record;
import org.apache.poi.hssf.record.SSTRecord;
import org.apache.poi.hssf.record.StringRecord;
import org.apache.poi.poifs.filesystem.DirectoryNode;
import org.apache.poi.poifs.filesystem.DocumentEntry;
import org.apache.poi.poifs.filesystem.Entry;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.apache.poi.ss.usermodel.FormulaError;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.util.RecordFormatException;

/**
 * Streams legacy .xls (BIFF8) sheets with POI's record-level event API, never building a
 * workbook: only the shared-string table, which BIFF8 keeps in the workbook globals,
 * stays in memory. Merged ranges follow the cells of their sheet, so a first pass
 * collects the sheet list and the merged ranges, and further passes read the cells,
 * cached values of formulas and numbers through {@link CellText}, filling vertically
 * merged cells like {@link XlsxWorkbookReader}.
 */
final class XlsWorkbookReader implements WorkbookReader {

	/**
	 * BIFF8 workbooks store their records in this stream; a few writers name it "BOOK".
	 */
	private static final String WORKBOOK = "Workbook";

	/**
	 * Excel 5/95 named the stream "Book", in this exact case (as POI tells them apart).
	 */
	private static final String OLD_WORKBOOK = "Book";

	private static final String UPPER_CASE_WORKBOOK = "BOOK";

	@Override
	public void read(Path file, SheetVisitor visitor) throws IOException, UnreadableFileException {
		// Opened here, not by POI: POI reports a missing file as an empty one.
		try (POIFSFileSystem fs = new POIFSFileSystem(FileChannel.open(file, StandardOpenOption.READ), true, true)) {
			DocumentEntry stream = workbookStream(fs.getRoot());
			Structure structure = new Structure();
			process(fs, stream, structure);
			for (List<SheetEntry> pass : structure.passes()) {
				CellPass cells = new CellPass(pass, visitor);
				process(fs, stream, cells);
				if (cells.ledgerFound) {
					return;
				}
			}
		}
		catch (VisitorFailure ex) {
			throw ex.getCause();
		}
		catch (EncryptedDocumentException ex) {
			throw new UnreadableFileException(FileProblems.ENCRYPTED, ex);
		}
		catch (OldExcelFormatException ex) {
			throw new UnreadableFileException(FileProblems.OLD_EXCEL, ex);
		}
		catch (FileNotFoundException | FileSystemException | ClosedChannelException | InterruptedIOException ex) {
			// The file is gone or unreadable, or the thread was interrupted: not the
			// clerk's problem.
			throw ex;
		}
		catch (IOException | RuntimeException ex) {
			// NotOLE2FileException, truncated containers, RecordFormatException and the
			// assorted unchecked exceptions POI throws on malformed records all mean the
			// same thing here.
			throw new UnreadableFileException(FileProblems.CORRUPT, ex);
		}
	}

	private static DocumentEntry workbookStream(DirectoryNode root) throws IOException, UnreadableFileException {
		if (root.hasEntryCaseInsensitive(WORKBOOK)) {
			return document(root.getEntryCaseInsensitive(WORKBOOK));
		}
		if (root.hasEntry(OLD_WORKBOOK)) {
			throw new OldExcelFormatException("Excel 5/95 workbook stream '" + OLD_WORKBOOK + "'");
		}
		if (root.hasEntryCaseInsensitive("EncryptedPackage")) {
			throw new EncryptedDocumentException("Encrypted OOXML package");
		}
		if (root.hasEntryCaseInsensitive(UPPER_CASE_WORKBOOK)) {
			return document(root.getEntryCaseInsensitive(UPPER_CASE_WORKBOOK));
		}
		// An OLE2 file without a workbook: a Word document, or another program's own
		// format (WPS) under an Excel name.
		throw new UnreadableFileException(FileProblems.NOT_A_WORKBOOK);
	}

	private static DocumentEntry document(Entry entry) {
		if (entry instanceof DocumentEntry document) {
			return document;
		}
		throw new IllegalArgumentException("Workbook entry is a directory");
	}

	private static void process(POIFSFileSystem fs, DocumentEntry stream, AbortableHSSFListener listener)
			throws IOException {
		HSSFRequest request = new HSSFRequest();
		request.addListenerForAllRecords(listener);
		try (InputStream in = fs.getRoot().createDocumentInputStream(stream)) {
			// Stops early when the listener returns non-zero; decrypts files protected
			// with
			// Excel's default password and throws EncryptedDocumentException for real
			// ones.
			new HSSFEventFactory().processEvents(request, in);
		}
	}

	/** The row of a cell record (BLANK, MULBLANK, values and formulas), or -1. */
	private static int rowOf(Record record) {
		if (record instanceof CellValueRecordInterface cell) {
			return cell.getRow();
		}
		if (record instanceof MulBlankRecord blanks) {
			return blanks.getRow();
		}
		return -1;
	}

	/**
	 * One worksheet: its place among the sheet substreams of the file and its merged
	 * ranges.
	 */
	private static final class SheetEntry {

		private final BoundSheetRecord bound;

		private int substream;

		private boolean worksheet;

		private boolean rowsInOrder = true;

		private final MergedCells merged = new MergedCells();

		SheetEntry(BoundSheetRecord bound) {
			this.bound = bound;
		}

		boolean hidden() {
			return this.bound.isHidden() || this.bound.isVeryHidden();
		}

	}

	/**
	 * First pass: the sheets in workbook order, which substream holds each (substreams
	 * follow in file order, the BOUNDSHEET records in tab order), their merged ranges,
	 * and whether their cells come row by row, as every mainstream writer stores them.
	 */
	private static final class Structure extends AbortableHSSFListener {

		private final List<SheetEntry> sheets = new ArrayList<>();

		private SheetEntry[] bySubstream;

		private int substream = -1;

		private int depth;

		private int lastRow = -1;

		@Override
		public short abortableProcessRecord(Record record) {
			if (record instanceof BOFRecord bof) {
				if (this.depth++ == 0) {
					startSubstream(bof);
				}
			}
			else if (record instanceof EOFRecord) {
				this.depth--;
			}
			else if (record instanceof BoundSheetRecord bound && this.substream == 0) {
				this.sheets.add(new SheetEntry(bound));
			}
			else if (this.depth == 1 && current() != null) {
				SheetEntry sheet = current();
				if (record instanceof MergeCellsRecord merges) {
					for (int i = 0; i < merges.getNumAreas(); i++) {
						sheet.merged.add(merges.getAreaAt(i));
					}
				}
				int row = rowOf(record);
				if (row >= 0) {
					sheet.rowsInOrder &= row >= this.lastRow;
					this.lastRow = row;
				}
			}
			return 0;
		}

		private void startSubstream(BOFRecord bof) {
			this.substream++;
			if (this.substream == 0) {
				if (bof.getVersion() < BOFRecord.VERSION) {
					// A BIFF5 workbook stream under the BIFF8 name: POI would misread its
					// records.
					throw new OldExcelFormatException("BIFF version " + Integer.toHexString(bof.getVersion()));
				}
				return;
			}
			if (this.substream == 1) {
				List<BoundSheetRecord> bounds = new ArrayList<>();
				this.sheets.forEach((sheet) -> bounds.add(sheet.bound));
				BoundSheetRecord[] inFileOrder = BoundSheetRecord.orderByBofPosition(bounds);
				this.bySubstream = new SheetEntry[inFileOrder.length];
				for (SheetEntry sheet : this.sheets) {
					for (int i = 0; i < inFileOrder.length; i++) {
						if (inFileOrder[i] == sheet.bound) {
							sheet.substream = i + 1;
							this.bySubstream[i] = sheet;
						}
					}
				}
			}
			this.lastRow = -1;
			SheetEntry sheet = current();
			if (sheet != null) {
				sheet.worksheet = bof.getType() == BOFRecord.TYPE_WORKSHEET;
			}
		}

		private SheetEntry current() {
			int index = this.substream - 1;
			return (this.bySubstream != null && index >= 0 && index < this.bySubstream.length) ? this.bySubstream[index]
					: null;
		}

		/**
		 * Visible worksheets in workbook order, then hidden ones, grouped into passes:
		 * one pass over the stream can visit sheets only in file order.
		 */
		List<List<SheetEntry>> passes() {
			List<List<SheetEntry>> passes = new ArrayList<>();
			List<SheetEntry> pass = new ArrayList<>();
			for (boolean hidden : new boolean[] { false, true }) {
				for (SheetEntry sheet : this.sheets) {
					if (!sheet.worksheet || sheet.hidden() != hidden) {
						continue;
					}
					if (!pass.isEmpty() && pass.get(pass.size() - 1).substream > sheet.substream) {
						passes.add(pass);
						pass = new ArrayList<>();
					}
					pass.add(sheet);
				}
			}
			if (!pass.isEmpty()) {
				passes.add(pass);
			}
			return passes;
		}

	}

	/**
	 * A pass over the stream that hands the rows of the given sheets (in file order) to
	 * the visitor. Cells arrive row by row, so a row is complete when a cell of a later
	 * row shows up; the rare sheet written out of order is held until its end.
	 */
	private static final class CellPass extends AbortableHSSFListener {

		private static final short STOP = 1;

		private final Iterator<SheetEntry> sheets;

		private final SheetVisitor visitor;

		private final FormatTrackingHSSFListener formats = new FormatTrackingHSSFListener((record) -> {
		}, Locale.ROOT);

		private final CellText cellText = new CellText();

		private final TreeMap<Integer, List<String>> rows = new TreeMap<>();

		private SheetEntry next;

		private SheetEntry sheet;

		private SSTRecord strings;

		private boolean use1904;

		private int substream = -1;

		private int depth;

		private boolean skipping;

		private FormulaRecord pendingString;

		private boolean done;

		boolean ledgerFound;

		CellPass(List<SheetEntry> sheets, SheetVisitor visitor) {
			this.sheets = sheets.iterator();
			this.next = this.sheets.next();
			this.visitor = visitor;
		}

		@Override
		public short abortableProcessRecord(Record record) {
			this.formats.processRecordInternally(record);
			if (record instanceof BOFRecord) {
				if (this.depth++ == 0) {
					this.substream++;
					startSheet();
				}
			}
			else if (record instanceof EOFRecord) {
				if (--this.depth == 0 && this.sheet != null) {
					endSheet();
				}
			}
			else if (record instanceof SSTRecord sst) {
				this.strings = sst;
			}
			else if (record instanceof DateWindow1904Record window) {
				this.use1904 = window.getWindowing() == 1;
			}
			else if (this.sheet != null && this.depth == 1 && !this.skipping) {
				cell(record);
			}
			return this.done ? STOP : 0;
		}

		private void startSheet() {
			if (this.next == null || this.next.substream != this.substream) {
				return;
			}
			this.sheet = this.next;
			this.next = this.sheets.hasNext() ? this.sheets.next() : null;
			this.skipping = false;
			this.pendingString = null;
			this.rows.clear();
			visit(() -> this.visitor.startSheet(this.sheet.bound.getSheetname()));
		}

		private void endSheet() {
			flushRowsBefore(Integer.MAX_VALUE);
			if (!this.skipping) {
				visit(() -> this.ledgerFound = this.visitor.endSheet());
			}
			this.sheet = null;
			this.done = this.ledgerFound || this.next == null;
		}

		private void cell(Record record) {
			if (record instanceof StringRecord string) {
				if (this.pendingString != null) {
					put(this.pendingString.getRow(), this.pendingString.getColumn(), string.getString());
					this.pendingString = null;
				}
				return;
			}
			int row = rowOf(record);
			if (row < 0) {
				return;
			}
			this.pendingString = null;
			if (this.sheet.rowsInOrder) {
				flushRowsBefore(row);
			}
			if (record instanceof MulBlankRecord blanks) {
				put(row, blanks.getLastColumn(), null);
			}
			else {
				CellValueRecordInterface cell = (CellValueRecordInterface) record;
				put(row, cell.getColumn(), text(cell));
			}
		}

		private String text(CellValueRecordInterface cell) {
			if (cell instanceof LabelSSTRecord label) {
				if (this.strings == null) {
					throw new RecordFormatException("LABELSST record before the SST");
				}
				return this.strings.getString(label.getSSTIndex()).getString();
			}
			if (cell instanceof LabelRecord label) {
				return label.getValue();
			}
			if (cell instanceof NumberRecord number) {
				return number(cell, number.getValue());
			}
			if (cell instanceof BoolErrRecord boolErr) {
				return boolErr.isBoolean() ? bool(boolErr.getBooleanValue()) : error(boolErr.getErrorValue());
			}
			if (cell instanceof FormulaRecord formula) {
				return switch (formula.getCachedResultTypeEnum()) {
					case NUMERIC -> number(cell, formula.getValue());
					case BOOLEAN -> bool(formula.getCachedBooleanValue());
					case ERROR -> error(formula.getCachedErrorValue());
					case STRING -> {
						// The text follows in a STRING record; an empty result has none.
						if (formula.hasCachedResultString()) {
							this.pendingString = formula;
						}
						yield null;
					}
					default -> null;
				};
			}
			return null;
		}

		private String number(CellValueRecordInterface cell, double value) {
			int formatIndex;
			String formatString;
			try {
				formatIndex = this.formats.getFormatIndex(cell);
				formatString = (formatIndex < 0) ? null : this.formats.getFormatString(formatIndex);
			}
			catch (IndexOutOfBoundsException ex) {
				// A cell naming a style the file lacks: show the plain number, as Excel
				// does.
				formatIndex = -1;
				formatString = null;
			}
			String text = this.cellText.formatRawCellContents(value, formatIndex, formatString, this.use1904);
			return CellText.plainNumber(text);
		}

		private static String bool(boolean value) {
			return value ? "TRUE" : "FALSE";
		}

		private static String error(int code) {
			return FormulaError.isValidCode(code) ? FormulaError.forInt(code).getString() : "#VALUE!";
		}

		private void put(int row, int column, String value) {
			List<String> cells = this.rows.computeIfAbsent(row, (r) -> new ArrayList<>());
			while (cells.size() <= column) {
				cells.add(null);
			}
			if (value != null) {
				cells.set(column, value);
			}
		}

		private void flushRowsBefore(int row) {
			while (!this.rows.isEmpty() && this.rows.firstKey() < row && !this.skipping) {
				Map.Entry<Integer, List<String>> first = this.rows.pollFirstEntry();
				this.sheet.merged.fill(first.getKey(), first.getValue(), this.visitor::countsAsValue);
				visit(() -> this.visitor.row(first.getKey() + 1, first.getValue()));
			}
		}

		/**
		 * Runs visitor code: SkipSheet abandons the sheet, anything else leaves the
		 * reader untouched.
		 */
		private void visit(Runnable call) {
			try {
				call.run();
			}
			catch (SheetVisitor.SkipSheet skip) {
				this.skipping = true;
				this.rows.clear();
			}
			catch (RuntimeException ex) {
				throw new VisitorFailure(ex);
			}
		}

	}

	/**
	 * Carries an exception of the visitor (a database error, say) past the corrupt-file
	 * handling.
	 */
	private static final class VisitorFailure extends RuntimeException {

		VisitorFailure(RuntimeException cause) {
			super(cause);
		}

		@Override
		public synchronized RuntimeException getCause() {
			return (RuntimeException) super.getCause();
		}

	}

}
