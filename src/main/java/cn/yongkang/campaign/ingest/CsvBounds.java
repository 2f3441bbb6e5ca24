package cn.yongkang.campaign.ingest;

import java.io.FilterReader;
import java.io.IOException;
import java.io.Reader;

/**
 * Keeps a CSV file's records bounded before the parser sees them, which would otherwise
 * hold a whole record in memory however long: a field longer than a cell can hold is cut
 * one character past the limit (validation rejects its row, naming the column), and a
 * record longer than {@value #MAX_RECORD_CHARS} characters in all (a line of nothing but
 * delimiters) refuses the file. Follows the quoting as the parser does ({@code "}
 * toggles, a doubled one toggles twice), so cutting never changes where fields and
 * records end; and it notes whether the last record was cut off (an upload still being
 * written, or interrupted).
 */
final class CsvBounds extends FilterReader {

	static final int MAX_RECORD_CHARS = 2_000_000;

	private final char delimiter;

	private boolean quoted;

	private int fieldChars;

	private int recordChars;

	private int record = 1;

	private int fields = 1;

	private int previousFields;

	private boolean recordHasText;

	private int lastChar = '\n';

	CsvBounds(Reader in, char delimiter) {
		super(in);
		this.delimiter = delimiter;
	}

	@Override
	public int read() throws IOException {
		char[] one = new char[1];
		int n = read(one, 0, 1);
		return (n < 0) ? -1 : one[0];
	}

	@Override
	public int read(char[] buffer, int offset, int length) throws IOException {
		int n;
		int kept;
		do {
			n = super.read(buffer, offset, length);
			if (n < 0) {
				return n;
			}
			kept = filter(buffer, offset, n);
		}
		while (kept == 0 && n > 0);
		return kept;
	}

	/** Drops what is over the bounds, in place; returns how many characters stay. */
	private int filter(char[] buffer, int offset, int length) {
		int out = offset;
		for (int i = offset; i < offset + length; i++) {
			char c = buffer[i];
			boolean structural = false;
			if (c == '"') {
				this.quoted = !this.quoted;
				structural = true;
			}
			else if (!this.quoted && (c == '\n' || c == '\r')) {
				// CRLF ends one record, as do a lone CR or LF.
				if (c == '\r' || this.lastChar != '\r') {
					endRecord();
				}
				structural = true;
			}
			else if (!this.quoted && c == this.delimiter) {
				this.fields++;
				this.fieldChars = 0;
				structural = true;
			}
			this.lastChar = c;
			if (!structural) {
				this.recordHasText = true;
				if (++this.fieldChars > CellValues.MAX_KEPT) {
					continue;
				}
			}
			if (++this.recordChars > MAX_RECORD_CHARS) {
				throw new RefusedFileException("第" + this.record + "行超过" + MAX_RECORD_CHARS / 10_000
						+ "万个字符，远超一行台账的长度，文件可能已损坏。请在Excel或WPS中打开确认，另存为.xlsx后重新上传");
			}
			buffer[out++] = c;
		}
		return out - offset;
	}

	private void endRecord() {
		if (this.recordHasText || this.fields > 1) {
			this.previousFields = this.fields;
		}
		this.record++;
		this.fields = 1;
		this.fieldChars = 0;
		this.recordChars = 0;
		this.recordHasText = false;
	}

	/**
	 * Whether the file ends inside its last record in a way no program saves it: without
	 * a line break, and inside quotes or with fewer fields than the record before.
	 */
	boolean lastRecordCut() {
		boolean endsWithLineBreak = this.lastChar == '\n' || this.lastChar == '\r';
		if (endsWithLineBreak || (!this.recordHasText && this.fields == 1)) {
			return false;
		}
		return this.quoted || this.fields < this.previousFields;
	}

	int lastRecord() {
		return this.record;
	}

}
