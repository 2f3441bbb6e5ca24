package cn.yongkang.campaign.ingest;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * What the parser gets of an XML part: short text and markup as they are, long text runs
 * cut without breaking the XML.
 */
class BoundedXmlTests {

	private static String bounded(Reader xml) throws IOException {
		StringBuilder out = new StringBuilder();
		char[] buffer = new char[1000];
		try (BoundedXml in = new BoundedXml(xml)) {
			for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
				out.append(buffer, 0, n);
			}
		}
		return out.toString();
	}

	private static String bounded(String xml) throws IOException {
		return bounded(new StringReader(xml));
	}

	@Test
	void shortTextAndMarkupPassUnchanged() throws IOException {
		String xml = "<?xml version=\"1.0\"?><!DOCTYPE x [<!ELEMENT x ANY>]><x a='>' b=\"<\"><!-- a - b -->"
				+ "<![CDATA[<c>]]>&amp;&#x4E2D;文字\uD83D\uDD25</x>";
		assertThat(bounded(xml)).isEqualTo(xml);
	}

	@Test
	void aLongTextRunIsCutWithoutSplittingAnEntityOrAPair() throws IOException {
		int before = BoundedXml.MAX_TEXT - 2;
		String out = bounded("<t>" + "a".repeat(before) + "&amp;" + "b".repeat(1000) + "</t><u>c</u>");
		assertThat(out).isEqualTo("<t>" + "a".repeat(before) + "&amp;</t><u>c</u>");
		String pairs = bounded("<t>" + "a".repeat(BoundedXml.MAX_TEXT - 1) + "\uD83D\uDD25".repeat(10) + "</t>");
		assertThat(pairs).isEqualTo("<t>" + "a".repeat(BoundedXml.MAX_TEXT - 1) + "\uD83D\uDD25</t>");
	}

	@Test
	void longCommentsAndCdataSectionsKeepTheirEnds() throws IOException {
		String comment = bounded("<x><!--" + "a-".repeat(BoundedXml.MAX_TEXT) + "--></x>");
		assertThat(comment).startsWith("<x><!--a-a-").endsWith(" --></x>").hasSizeLessThan(BoundedXml.MAX_TEXT + 20);
		String cdata = bounded("<x><![CDATA[" + "]".repeat(BoundedXml.MAX_TEXT * 2) + "]]></x>");
		assertThat(cdata).startsWith("<x><![CDATA[]]]").endsWith("]]></x>").hasSizeLessThan(BoundedXml.MAX_TEXT + 20);
	}

	@Test
	void aTextOfHundredsOfMillionsOfCharactersPassesOnlyItsBound() throws IOException {
		long total = 300_000_000L;
		Reader endless = new Reader() {

			private long left = total;

			private boolean opened;

			@Override
			public int read(char[] buffer, int offset, int length) {
				if (!this.opened) {
					this.opened = true;
					buffer[offset] = '<';
					buffer[offset + 1] = 't';
					buffer[offset + 2] = '>';
					return 3;
				}
				if (this.left <= 0) {
					return -1;
				}
				int n = (int) Math.min(length, this.left);
				java.util.Arrays.fill(buffer, offset, offset + n, 'z');
				this.left -= n;
				return n;
			}

			@Override
			public void close() {
			}
		};
		assertThat(bounded(endless)).hasSize(3 + BoundedXml.MAX_TEXT);
	}

	@Test
	void aTagLongerThanAnySpreadsheetWritesIsRefused() {
		String tag = "<c r=\"A1\" x=\"" + "y".repeat(BoundedXml.MAX_MARKUP) + "\">";
		assertThatThrownBy(() -> bounded(tag)).isInstanceOf(BoundedXml.TooLong.class);
		String doctype = "<!DOCTYPE x [" + "<!ENTITY a \"b\">".repeat(BoundedXml.MAX_MARKUP / 10) + "]>";
		assertThatThrownBy(() -> bounded(doctype)).isInstanceOf(BoundedXml.TooLong.class);
	}

}
