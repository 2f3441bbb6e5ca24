package cn.yongkang.campaign.ingest;

import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Records what a workbook reader hands over, for tests of sheet order and raw cells.
 * Sheets named as ledgers end the reading; sheets named as skipped throw
 * {@link SkipSheet} at their first row.
 */
final class RecordingSheetVisitor implements SheetVisitor {

	final List<String> started = new ArrayList<>();

	final List<String> ended = new ArrayList<>();

	final List<Row> rows = new ArrayList<>();

	private final Set<String> ledgerSheets;

	private final Set<String> skippedSheets;

	private String sheet;

	RecordingSheetVisitor() {
		this(Set.of(), Set.of());
	}

	RecordingSheetVisitor(Set<String> ledgerSheets, Set<String> skippedSheets) {
		this.ledgerSheets = ledgerSheets;
		this.skippedSheets = skippedSheets;
	}

	@Override
	public void startSheet(String name) {
		this.sheet = name;
		this.started.add(name);
	}

	@Override
	public void row(int rowNumber, List<String> cells) {
		if (this.skippedSheets.contains(this.sheet)) {
			throw new SkipSheet();
		}
		this.rows.add(new Row(this.sheet, rowNumber, new ArrayList<>(cells)));
	}

	@Override
	public boolean endSheet() {
		this.ended.add(this.sheet);
		return this.ledgerSheets.contains(this.sheet);
	}

	List<Row> rowsOf(String sheet) {
		return this.rows.stream().filter((row) -> row.sheet().equals(sheet)).toList();
	}

	/** A fixture under {@code src/test/resources/ingest/}. */
	static Path fixture(String name) {
		URL url = RecordingSheetVisitor.class.getResource("/ingest/" + name);
		if (url == null) {
			throw new IllegalArgumentException("No fixture " + name);
		}
		try {
			return Path.of(url.toURI());
		}
		catch (URISyntaxException ex) {
			throw new IllegalStateException(ex);
		}
	}

	record Row(String sheet, int number, List<String> cells) {
	}

}
