package cn.yongkang.campaign.ingest;

import java.io.FilterReader;
import java.io.IOException;
import java.io.Reader;

/**
 * The characters of an XML part with every run of text cut to {@link #MAX_TEXT}
 * characters and every tag, declaration, comment and processing instruction bounded, so
 * the parser (which keeps a whole text run in memory before it reports it) never holds
 * more than a cell can keep. Text over the bound is dropped up to the next markup; the
 * XML stays well-formed: an entity reference or a surrogate pair is never cut in two. A
 * tag or declaration over its bound makes the file unreadable: no spreadsheet writes one.
 */
final class BoundedXml extends FilterReader {

	/** More text than a cell keeps, so a cell cut here is still seen as too long. */
	static final int MAX_TEXT = CellValues.MAX_KEPT + 16;

	/**
	 * Far more than the longest tag a spreadsheet writes (its namespace declarations).
	 */
	static final int MAX_MARKUP = 1 << 20;

	/** The longest entity reference XML has: {@code &#x10FFFF;}. */
	private static final int MAX_ENTITY = 10;

	private enum State {

		TEXT, OPENED, BANG, TAG, COMMENT, CDATA, DECLARATION, INSTRUCTION

	}

	private final char[] chunk = new char[8 * 1024];

	/** What the last chunk gave: a section's end may add up to four characters. */
	private final char[] kept = new char[4 * 8 * 1024 + 4];

	private int keptStart;

	private int keptEnd;

	private State state = State.TEXT;

	/** Characters of the current text run, tag or section so far. */
	private long length;

	/** The quote that opened the current attribute value or literal, or 0. */
	private char quote;

	/** Characters since an {@code &} that has not met its {@code ;} yet, or -1. */
	private int entity = -1;

	/** The two characters before this one in the current section. */
	private char before1;

	private char before2;

	/** The last character passed on. */
	private char last;

	/** What of {@code [CDATA[} has been seen after {@code <!}; -1 after {@code <!-}. */
	private int bangPrefix;

	private int declarationDepth;

	BoundedXml(Reader in) {
		super(in);
	}

	@Override
	public int read() throws IOException {
		char[] one = new char[1];
		return (read(one, 0, 1) < 0) ? -1 : one[0];
	}

	@Override
	public int read(char[] out, int offset, int length) throws IOException {
		if (length == 0) {
			return 0;
		}
		while (this.keptStart == this.keptEnd) {
			int n = this.in.read(this.chunk, 0, this.chunk.length);
			if (n < 0) {
				return -1;
			}
			this.keptStart = 0;
			this.keptEnd = 0;
			for (int i = 0; i < n; i++) {
				next(this.chunk[i]);
			}
		}
		int n = Math.min(length, this.keptEnd - this.keptStart);
		System.arraycopy(this.kept, this.keptStart, out, offset, n);
		this.keptStart += n;
		return n;
	}

	@Override
	public boolean markSupported() {
		return false;
	}

	@Override
	public long skip(long n) throws IOException {
		throw new IOException("skip is not supported");
	}

	private void emit(char c) {
		this.kept[this.keptEnd++] = c;
		this.last = c;
	}

	/** Moves the state machine by one character, passing it on or dropping it. */
	private void next(char c) throws IOException {
		switch (this.state) {
			case TEXT -> text(c);
			case OPENED -> opened(c);
			case BANG -> bang(c);
			case TAG -> tag(c);
			case COMMENT, CDATA -> section(c);
			case DECLARATION -> declaration(c);
			case INSTRUCTION -> instruction(c);
		}
	}

	private void text(char c) {
		if (c == '<') {
			start(State.OPENED);
			emit(c);
			return;
		}
		this.length++;
		// Past the bound, only what completes an entity reference or a surrogate pair.
		boolean completes = (this.entity >= 0 && this.entity < MAX_ENTITY)
				|| (Character.isLowSurrogate(c) && Character.isHighSurrogate(this.last));
		if (this.length <= MAX_TEXT || completes) {
			if (c == '&') {
				this.entity = 0;
			}
			else if (this.entity >= 0) {
				this.entity = (c == ';') ? -1 : this.entity + 1;
			}
			emit(c);
		}
	}

	private void opened(char c) throws IOException {
		if (c == '!') {
			this.state = State.BANG;
			this.bangPrefix = 0;
			emit(c);
		}
		else if (c == '?') {
			this.state = State.INSTRUCTION;
			emit(c);
		}
		else {
			this.state = State.TAG;
			tag(c);
		}
	}

	/** After {@code <!}: a comment, a CDATA section, or a declaration (DOCTYPE). */
	private void bang(char c) throws IOException {
		String cdata = "[CDATA[";
		if (this.bangPrefix == 0 && c == '-') {
			this.bangPrefix = -1;
			emit(c);
		}
		else if (this.bangPrefix == -1) {
			if (c == '-') {
				start(State.COMMENT);
				emit(c);
			}
			else {
				start(State.DECLARATION);
				declaration(c);
			}
		}
		else if (this.bangPrefix >= 0 && this.bangPrefix < cdata.length() && c == cdata.charAt(this.bangPrefix)) {
			emit(c);
			if (++this.bangPrefix == cdata.length()) {
				start(State.CDATA);
			}
		}
		else {
			start(State.DECLARATION);
			declaration(c);
		}
	}

	private void tag(char c) throws IOException {
		markup(c, false);
	}

	/**
	 * A comment (ended by {@code -->}) or a CDATA section (ended by {@code ]]>}). Past
	 * the bound its content is dropped (a comment matters to no one; a CDATA section is
	 * text), and its end is written out whole.
	 */
	private void section(char c) {
		boolean comment = this.state == State.COMMENT;
		char closing = comment ? '-' : ']';
		boolean ends = c == '>' && this.before1 == closing && this.before2 == closing;
		this.before2 = this.before1;
		this.before1 = c;
		this.length++;
		if (this.length <= MAX_TEXT) {
			emit(c);
		}
		else if (ends) {
			if (comment && this.last == '-') {
				emit(' ');
			}
			emit(closing);
			emit(closing);
			emit('>');
		}
		else if (Character.isLowSurrogate(c) && Character.isHighSurrogate(this.last) && this.length == MAX_TEXT + 1) {
			emit(c);
		}
		if (ends) {
			start(State.TEXT);
		}
	}

	/** A declaration such as DOCTYPE, with its internal subset in brackets. */
	private void declaration(char c) throws IOException {
		markup(c, true);
	}

	/**
	 * A tag or a declaration, which ends at a {@code >} outside quotes (and, in a
	 * declaration, outside brackets).
	 */
	private void markup(char c, boolean declaration) throws IOException {
		grow();
		if (this.quote != 0) {
			if (c == this.quote) {
				this.quote = 0;
			}
		}
		else if (c == '"' || c == '\'') {
			this.quote = c;
		}
		else if (declaration && c == '[') {
			this.declarationDepth++;
		}
		else if (declaration && c == ']') {
			this.declarationDepth--;
		}
		else if (c == '>' && this.declarationDepth <= 0) {
			start(State.TEXT);
		}
		emit(c);
	}

	private void instruction(char c) throws IOException {
		grow();
		boolean ends = c == '>' && this.before1 == '?';
		this.before1 = c;
		emit(c);
		if (ends) {
			start(State.TEXT);
		}
	}

	private void grow() throws IOException {
		if (++this.length > MAX_MARKUP) {
			throw new TooLong();
		}
	}

	private void start(State next) {
		this.state = next;
		this.length = 0;
		this.quote = 0;
		this.entity = -1;
		this.before1 = 0;
		this.before2 = 0;
		this.declarationDepth = 0;
	}

	/** A tag or declaration longer than any spreadsheet writes. */
	static final class TooLong extends IOException {

		TooLong() {
			super("an XML tag or declaration is longer than " + MAX_MARKUP + " characters");
		}

	}

}
