package cn.yongkang.campaign.ingest;

import java.nio.file.Path;

/** Placeholder until the streaming reader lands. */
final class CsvWorkbookReader implements WorkbookReader {

	@Override
	public void read(Path file, SheetVisitor visitor) throws UnreadableFileException {
		throw new UnreadableFileException("not yet supported");
	}

}
