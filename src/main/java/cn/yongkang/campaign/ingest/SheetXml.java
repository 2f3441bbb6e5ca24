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

/**
 * Opens the XML parts of a sheet for a fast pull parser (Aalto), bounded by
 * {@link BoundedXml}: no DTD, no entities but XML's own (a file that declares any is
 * unreadable), no external resources, and no text run longer than a cell keeps.
 */
final class SheetXml {

	static final String MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";

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
		Charset charset = StandardCharsets.UTF_8;
		int skip = 0;
		if (head.length >= 3 && (head[0] & 0xFF) == 0xEF && (head[1] & 0xFF) == 0xBB && (head[2] & 0xFF) == 0xBF) {
			skip = 3;
		}
		else if (head.length >= 2 && (head[0] & 0xFF) == 0xFE && (head[1] & 0xFF) == 0xFF) {
			charset = StandardCharsets.UTF_16BE;
			skip = 2;
		}
		else if (head.length >= 2 && (head[0] & 0xFF) == 0xFF && (head[1] & 0xFF) == 0xFE) {
			charset = StandardCharsets.UTF_16LE;
			skip = 2;
		}
		else if (head.length >= 2 && head[0] == 0 && head[1] == '<') {
			charset = StandardCharsets.UTF_16BE;
		}
		else if (head.length >= 2 && head[0] == '<' && head[1] == 0) {
			charset = StandardCharsets.UTF_16LE;
		}
		in.skipNBytes(skip);
		return FACTORY.createXMLStreamReader(new BoundedXml(new InputStreamReader(in, charset)));
	}

	/** Whether the parser is at an element of the spreadsheet namespace. */
	static boolean isMain(XMLStreamReader xml) {
		return MAIN.equals(xml.getNamespaceURI());
	}

}
