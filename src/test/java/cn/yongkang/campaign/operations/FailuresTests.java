package cn.yongkang.campaign.operations;

import java.io.UncheckedIOException;
import java.nio.file.FileSystemException;

import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessResourceFailureException;

import static org.assertj.core.api.Assertions.assertThat;

class FailuresTests {

	@Test
	void ourMessageComesFirstThenTheRootCause() {
		Exception error = new IllegalStateException("wrapped",
				new UncheckedIOException("cannot write the report to /r: check the folder, then restart",
						new FileSystemException("/r/shuangyue-2022: Not a directory")));
		assertThat(Failures.oneLine(new DataAccessResourceFailureException("outer", error)))
			.isEqualTo("wrapped (FileSystemException: /r/shuangyue-2022: Not a directory)");
		assertThat(Failures.oneLine(new IllegalStateException("no snapshot for 2022-10-04; run 'rerun'")))
			.isEqualTo("no snapshot for 2022-10-04; run 'rerun'");
	}

	@Test
	void aFrameworkWrapperGivesWayToWhatItWraps() {
		assertThat(Failures.oneLine(new DataAccessResourceFailureException("could not get rows",
				new java.sql.SQLException("relation \"hazard\" does not exist", "42P01"))))
			.isEqualTo("relation \"hazard\" does not exist");
	}

	@Test
	void aLostOrRefusedDatabaseConnectionSaysSo() {
		assertThat(Failures.oneLine(new DataAccessResourceFailureException("Could not get Connection",
				new java.sql.SQLException("Connection to 127.0.0.1:1 refused", "08001",
						new java.net.ConnectException("Connection refused")))))
			.startsWith("the database is unreachable or the connection to it was lost (SQLException: Connection to"
					+ " 127.0.0.1:1 refused); check that the database server runs");
		assertThat(Failures.oneLine(new IllegalStateException("step failed",
				new java.sql.SQLException("FATAL: terminating connection due to administrator command", "57P01"))))
			.startsWith("the database is unreachable or the connection to it was lost");
		assertThat(Failures.oneLine(new java.sql.SQLException("Connection is closed")))
			.startsWith("the database is unreachable");
		assertThat(Failures.oneLine(new IllegalStateException("cannot start",
				new java.sql.SQLException("FATAL: database \"nosuch\" does not exist", "3D000"))))
			.contains("the database is unreachable", "database \"nosuch\" does not exist");
		assertThat(Failures.oneLine(new org.springframework.dao.OptimisticLockingFailureException(
				"Attempt to update step execution id=3 with wrong version (7), where current version is 8")))
			.startsWith("the database is unreachable or the connection to it was lost");
	}

}
