package cn.yongkang.campaign.bulk;

/**
 * Rows appended to one table in the caller's transaction, buffered and sent in bulk, so
 * no row costs a round trip. {@link #flush()} sends what is buffered (before the caller
 * reads the table or commits); values are strings, numbers, dates, booleans or null.
 */
public interface BulkRows {

	void add(Object... values);

	void flush();

	/** Rows added so far. */
	long count();

}
