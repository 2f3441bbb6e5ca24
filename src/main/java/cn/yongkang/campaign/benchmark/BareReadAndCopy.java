package cn.yongkang.campaign.benchmark;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Iterator;
import java.util.List;
import java.util.stream.Stream;

import javax.sql.DataSource;

import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

/**
 * The limit the night is measured against: the same files read by fastexcel-reader
 * (opened with {@code File}) and streamed on one thread, in one transaction, into one
 * {@code COPY} of every row's cells as text into a scratch table. No header search, no
 * rules, no identity: reading and writing the rows is all it does. Without PostgreSQL (H2
 * has no COPY) the rows go in as JDBC batches.
 */
final class BareReadAndCopy {

	static final int COLUMNS = 16;

	private static final String TABLE = "benchmark_bare_row";

	private final DataSource dataSource;

	private final boolean postgres;

	BareReadAndCopy(DataSource dataSource, boolean postgres) {
		this.dataSource = dataSource;
		this.postgres = postgres;
	}

	/** What it did: rows written, in how many seconds. */
	record Result(long rows, double seconds, String how) {
	}

	Result run(List<Path> files) {
		long started = System.nanoTime();
		long rows;
		try (Connection connection = this.dataSource.getConnection()) {
			connection.setAutoCommit(false);
			try (Statement statement = connection.createStatement()) {
				StringBuilder columns = new StringBuilder("file_no INT, row_number INT");
				for (int i = 1; i <= COLUMNS; i++) {
					columns.append(", c").append(i).append(" VARCHAR");
				}
				statement.execute("CREATE LOCAL TEMPORARY TABLE " + TABLE + " (" + columns + ")");
			}
			rows = this.postgres ? copy(connection, files) : batches(connection, files);
			connection.commit();
			try (Statement statement = connection.createStatement()) {
				statement.execute("DROP TABLE " + TABLE);
			}
			connection.commit();
		}
		catch (SQLException ex) {
			throw new IllegalStateException("the bare read-and-COPY failed: " + ex.getMessage(), ex);
		}
		return new Result(rows, (System.nanoTime() - started) / 1e9,
				this.postgres ? "fastexcel-reader → one COPY" : "fastexcel-reader → JDBC batches (H2 has no COPY)");
	}

	private static long copy(Connection connection, List<Path> files) throws SQLException {
		CopyIn copy = connection.unwrap(PGConnection.class).getCopyAPI().copyIn("COPY " + TABLE + " FROM STDIN");
		ByteArrayOutputStream buffer = new ByteArrayOutputStream(1 << 20);
		StringBuilder line = new StringBuilder(512);
		long rows = 0;
		try {
			for (int file = 0; file < files.size(); file++) {
				Iterator<Row> sheet = null;
				try (ReadableWorkbook workbook = new ReadableWorkbook(files.get(file).toFile());
						Stream<Row> stream = workbook.getFirstSheet().openStream()) {
					sheet = stream.iterator();
					while (sheet.hasNext()) {
						Row row = sheet.next();
						line.setLength(0);
						line.append(file).append('\t').append(row.getRowNum());
						for (int column = 0; column < COLUMNS; column++) {
							line.append('\t');
							String text = text(row, column);
							if (text == null) {
								line.append("\\N");
							}
							else {
								escape(text, line);
							}
						}
						line.append('\n');
						byte[] bytes = line.toString().getBytes(StandardCharsets.UTF_8);
						buffer.write(bytes, 0, bytes.length);
						rows++;
						if (buffer.size() >= 1 << 20) {
							copy.writeToCopy(buffer.toByteArray(), 0, buffer.size());
							buffer.reset();
						}
					}
				}
				catch (IOException ex) {
					throw new UncheckedIOException("cannot read " + files.get(file), ex);
				}
			}
			copy.writeToCopy(buffer.toByteArray(), 0, buffer.size());
			copy.endCopy();
		}
		finally {
			if (copy.isActive()) {
				copy.cancelCopy();
			}
		}
		return rows;
	}

	private static long batches(Connection connection, List<Path> files) throws SQLException {
		StringBuilder insert = new StringBuilder("INSERT INTO " + TABLE + " VALUES (?, ?");
		for (int i = 0; i < COLUMNS; i++) {
			insert.append(", ?");
		}
		long rows = 0;
		try (PreparedStatement statement = connection.prepareStatement(insert.append(')').toString())) {
			for (int file = 0; file < files.size(); file++) {
				try (ReadableWorkbook workbook = new ReadableWorkbook(files.get(file).toFile());
						Stream<Row> stream = workbook.getFirstSheet().openStream()) {
					Iterator<Row> sheet = stream.iterator();
					while (sheet.hasNext()) {
						Row row = sheet.next();
						statement.setInt(1, file);
						statement.setInt(2, row.getRowNum());
						for (int column = 0; column < COLUMNS; column++) {
							statement.setString(3 + column, text(row, column));
						}
						statement.addBatch();
						if (++rows % 1000 == 0) {
							statement.executeBatch();
						}
					}
				}
				catch (IOException ex) {
					throw new UncheckedIOException("cannot read " + files.get(file), ex);
				}
			}
			statement.executeBatch();
		}
		return rows;
	}

	private static String text(Row row, int column) {
		if (column >= row.getCellCount()) {
			return null;
		}
		Cell cell = row.getCell(column);
		return cell == null ? null : cell.getRawValue();
	}

	private static void escape(String text, StringBuilder line) {
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			switch (c) {
				case '\\' -> line.append("\\\\");
				case '\t' -> line.append("\\t");
				case '\n' -> line.append("\\n");
				case '\r' -> line.append("\\r");
				default -> line.append(c);
			}
		}
	}

}
