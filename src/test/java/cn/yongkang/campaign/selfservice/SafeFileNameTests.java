package cn.yongkang.campaign.selfservice;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Whatever a browser sends as a file name, the result is one plain name the night reads.
 */
class SafeFileNameTests {

	@Test
	void folderPartsAreDropped() {
		assertThat(SafeFileName.of("../../etc/passwd")).isEqualTo("passwd");
		assertThat(SafeFileName.of("..\\..\\西城街道\\台账.xlsx")).isEqualTo("台账.xlsx");
		assertThat(SafeFileName.of("C:\\Users\\clerk\\Desktop\\东城台账.xlsx")).isEqualTo("东城台账.xlsx");
		assertThat(SafeFileName.of("/var/lib/campaign/inbox/2022-10-04/西城街道/x.xlsx")).isEqualTo("x.xlsx");
		assertThat(SafeFileName.of("..")).isEqualTo(SafeFileName.FALLBACK);
		assertThat(SafeFileName.of("../")).isEqualTo(SafeFileName.FALLBACK);
	}

	@Test
	void controlFormatAndForbiddenCharactersGo() {
		assertThat(SafeFileName.of("台账\u0000.xlsx")).isEqualTo("台账.xlsx");
		assertThat(SafeFileName.of("台\r\n账\t.xlsx")).isEqualTo("台账.xlsx");
		// A right-to-left override would show "xslx.exe" as "exe.xlsx".
		assertThat(SafeFileName.of("ledger\u202Exslx.exe")).isEqualTo("ledgerxslx.exe");
		assertThat(SafeFileName.of("a<b>c:d\"e|f?g*h.csv")).isEqualTo("abcdefgh.csv");
	}

	@Test
	void namesTheNightWouldSkipAreMadeVisible() {
		assertThat(SafeFileName.of(".hidden.xlsx")).isEqualTo("hidden.xlsx");
		assertThat(SafeFileName.of("~$台账.xlsx")).isEqualTo("台账.xlsx");
		assertThat(SafeFileName.of("Thumbs.db")).isEqualTo("_Thumbs.db");
		assertThat(SafeFileName.of("台账.xlsx. . .")).isEqualTo("台账.xlsx");
	}

	@Test
	void windowsDeviceNamesGetAPrefix() {
		assertThat(SafeFileName.of("CON")).isEqualTo("_CON");
		assertThat(SafeFileName.of("nul.xlsx")).isEqualTo("_nul.xlsx");
		assertThat(SafeFileName.of("COM1.tar.gz")).isEqualTo("_COM1.tar.gz");
		assertThat(SafeFileName.of("CONSOLE.xlsx")).isEqualTo("CONSOLE.xlsx");
	}

	@Test
	void emptyAndOverlongNames() {
		assertThat(SafeFileName.of(null)).isEqualTo(SafeFileName.FALLBACK);
		assertThat(SafeFileName.of("   ")).isEqualTo(SafeFileName.FALLBACK);
		String name = SafeFileName.of("台".repeat(300) + ".xlsx");
		assertThat(name).endsWith(".xlsx").hasSize(SafeFileName.MAX_LENGTH);
		assertThat(SafeFileName.numbered("台账.xlsx", 2)).isEqualTo("台账 (2).xlsx");
	}

}
