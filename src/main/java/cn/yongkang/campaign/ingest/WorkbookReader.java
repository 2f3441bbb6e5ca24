package cn.yongkang.campaign.ingest;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Streams the sheets of one file to a visitor; memory must not grow with the file's size.
 */
interface WorkbookReader {

	/**
	 * Reads visible sheets first, in workbook order, then hidden ones, until the visitor
	 * reports that a sheet held the ledger.
	 */
	void read(Path file, SheetVisitor visitor) throws IOException, UnreadableFileException;

}
