package cn.yongkang.campaign.ingest;

import cn.yongkang.campaign.support.RunParameters;

/**
 * More work on a file's rows while ingest reads them, in the same transaction and behind
 * the same savepoint as their staging, so a failure there quarantines the file like a
 * failure to read it. The pipeline plugs validation in here, so that on a normal night a
 * file is read once; the raw rows are staged all the same, for a rerun from validate.
 */
public interface RowsAsRead {

	/**
	 * @return the work on file {@code fileId}, uploaded by {@code townshipCode}, or null
	 * when this run does nothing more with it
	 */
	FileRows open(RunParameters run, long fileId, String townshipCode);

	/** The work on one file's rows. */
	interface FileRows {

		/** Nothing more than staging. */
		FileRows NONE = new FileRows() {
			@Override
			public void accept(RawRow row) {
			}

			@Override
			public void finish() {
			}
		};

		/** One data row, in the file's order. */
		void accept(RawRow row);

		/** After the last row, once the file's read counts are stored. */
		void finish();

	}

}
