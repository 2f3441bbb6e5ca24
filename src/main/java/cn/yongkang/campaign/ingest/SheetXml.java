package cn.yongkang.campaign.ingest;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

import com.fasterxml.aalto.stax.InputFactoryImpl;
import org.apache.poi.xssf.usermodel.XSSFRelation;

/**
 * Opens the XML parts of a sheet for a fast pull parser (Aalto), bounded by
 * {@link BoundedXml}: no DTD, no entities but XML's own (a file that declares any is
 * unreadable), no external resources, and no text run longer than a cell keeps.
 */
final class SheetXml {

	private static final XMLInputFactory FACTORY = factory();

	private SheetXml() {
	}

	private static XMLInputFactory factory() {
		XMLInputFactory factory = new InputFactoryImpl();
		factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
		factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
		factory.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
		factory.setProperty(XMLInputFactory.IS_COALESCING, false);
		return factory;
	}

	/**
	 * A parser over the part. The parser is given characters, not bytes, so that the
	 * bound counts characters: the encoding is taken from a byte order mark or the first
	 * bytes (UTF-16 without a mark), UTF-8 otherwise, as every spreadsheet program
	 * writes.
	 */
	static XMLStreamReader open(InputStream part) throws IOException, XMLStreamException {
		BufferedInputStream in = new BufferedInputStream(part, 64 * 1024);
		in.mark(4);
		byte[] head = in.readNBytes(4);
		in.reset();
		CsvWorkbookReader.Encoding encoding = CsvWorkbookReader.Encoding.ofMark(head);
		if (encoding == null) {
			// Without a mark, XML's first character '<' tells UTF-16 by its zero byte.
			boolean big = head.length >= 2 && head[0] == 0 && head[1] == '<';
			boolean little = head.length >= 2 && head[0] == '<' && head[1] == 0;
			Charset charset = big ? StandardCharsets.UTF_16BE
					: little ? StandardCharsets.UTF_16LE : StandardCharsets.UTF_8;
			encoding = new CsvWorkbookReader.Encoding(charset, 0);
		}
		in.skipNBytes(encoding.bomLength());
		return FACTORY.createXMLStreamReader(new BoundedXml(new InputStreamReader(in, encoding.charset())));
	}

	/** Whether the parser is at an element of the spreadsheet namespace. */
	static boolean isMain(XMLStreamReader xml) {
		return XSSFRelation.NS_SPREADSHEETML.equals(xml.getNamespaceURI());
	}

}
