package cn.yongkang.campaign.bulk;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;

import javax.sql.DataSource;

import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.jdbc.datasource.DataSourceUtils;

/**
 * PostgreSQL's path: {@code COPY ... FROM STDIN} in text format through pgjdbc's
 * {@link CopyManager}, on the connection of the caller's transaction. Rows are encoded
 * into a buffer and sent as one COPY per {@value #FLUSH_BYTES} bytes, so the connection
 * is free for other statements between flushes (a cursor the caller reads from, say).
 */
final class CopyRows implements BulkRows {

	private static final int FLUSH_BYTES = 4 * 1024 * 1024;

	private final DataSource dataSource;

	private final String copy;

	private final Buffer buffer = new Buffer(FLUSH_BYTES + 64 * 1024);

	private final StringBuilder line = new StringBuilder(512);

	private long count;

	CopyRows(DataSource dataSource, String table, String... columns) {
		this.dataSource = dataSource;
		this.copy = "COPY " + table + " (" + String.join(", ", columns) + ") FROM STDIN";
	}

	@Override
	public void add(Object... values) {
		this.line.setLength(0);
		for (int i = 0; i < values.length; i++) {
			if (i > 0) {
				this.line.append('\t');
			}
			append(values[i]);
		}
		this.line.append('\n');
		byte[] bytes = this.line.toString().getBytes(StandardCharsets.UTF_8);
		this.buffer.write(bytes, 0, bytes.length);
		this.count++;
		if (this.buffer.size() >= FLUSH_BYTES) {
			flush();
		}
	}

	/** COPY's text format: \N is NULL; backslash, tab, newline and return are escaped. */
	private void append(Object value) {
		if (value == null) {
			this.line.append("\\N");
			return;
		}
		String text = value.toString();
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			switch (c) {
				case '\\' -> this.line.append("\\\\");
				case '\t' -> this.line.append("\\t");
				case '\n' -> this.line.append("\\n");
				case '\r' -> this.line.append("\\r");
				default -> this.line.append(c);
			}
		}
	}

	@Override
	public void flush() {
		if (this.buffer.size() == 0) {
			return;
		}
		Connection connection = DataSourceUtils.getConnection(this.dataSource);
		try {
			CopyManager copyManager = connection.unwrap(PGConnection.class).getCopyAPI();
			var copyIn = copyManager.copyIn(this.copy);
			try {
				copyIn.writeToCopy(this.buffer.bytes(), 0, this.buffer.size());
				copyIn.endCopy();
			}
			finally {
				if (copyIn.isActive()) {
					copyIn.cancelCopy();
				}
			}
			this.buffer.reset();
		}
		catch (SQLException ex) {
			throw new DataAccessResourceFailureException(this.copy + " failed: " + ex.getMessage(), ex);
		}
		finally {
			DataSourceUtils.releaseConnection(connection, this.dataSource);
		}
	}

	@Override
	public long count() {
		return this.count;
	}

	/** A byte buffer whose array COPY can read without a copy of it. */
	private static final class Buffer extends ByteArrayOutputStream {

		Buffer(int size) {
			super(size);
		}

		byte[] bytes() {
			return this.buf;
		}

	}

}
