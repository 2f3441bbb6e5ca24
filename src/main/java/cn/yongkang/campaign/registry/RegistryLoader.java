package cn.yongkang.campaign.registry;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

import cn.yongkang.campaign.support.Fold;

/**
 * Reads {@code regions/townships.csv} and {@code regions/villages.csv} from a jobs
 * folder.
 */
final class RegistryLoader {

	private static final CSVFormat FORMAT = CSVFormat.DEFAULT.builder()
		.setHeader()
		.setSkipHeaderRecord(true)
		.setIgnoreEmptyLines(true)
		.setTrim(true)
		.get();

	private RegistryLoader() {
	}

	static Registry load(Path jobsDirectory) {
		Path townshipsFile = jobsDirectory.resolve("regions").resolve("townships.csv");
		Path villagesFile = jobsDirectory.resolve("regions").resolve("villages.csv");
		List<Township> townships = new ArrayList<>();
		for (CSVRecord record : records(townshipsFile, "code", "name", "type")) {
			String type = field(record, "type", townshipsFile);
			if (!List.of("镇", "街道", Township.ZONE_TYPE).contains(type)) {
				throw new RegistryException(townshipsFile + " line " + record.getRecordNumber() + ": type '" + type
						+ "' must be 镇, 街道 or 区");
			}
			townships.add(new Township(field(record, "code", townshipsFile), field(record, "name", townshipsFile), type,
					aliases(record), townships.size() + 1));
		}
		List<Village> villages = new ArrayList<>();
		for (CSVRecord record : records(villagesFile, "code", "township_code", "name", "kind")) {
			String kind = field(record, "kind", villagesFile);
			if (!kind.equals(Village.VILLAGE) && !kind.equals(Village.COMMUNITY)) {
				throw new RegistryException(
						villagesFile + " line " + record.getRecordNumber() + ": kind '" + kind + "' must be 村 or 社区");
			}
			villages.add(new Village(field(record, "code", villagesFile), field(record, "township_code", villagesFile),
					field(record, "name", villagesFile), kind, aliases(record)));
		}
		requireUniqueCodes(townshipsFile, townships.stream().map(Township::code).toList());
		requireUniqueCodes(villagesFile, villages.stream().map(Village::code).toList());
		return new Registry(townships, villages);
	}

	private static List<CSVRecord> records(Path file, String... requiredColumns) {
		if (!Files.isRegularFile(file)) {
			throw new RegistryException("registry file not found: " + file
					+ " (give --jobs the folder that holds regions/townships.csv and regions/villages.csv)");
		}
		try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
			skipByteOrderMark(reader);
			var parser = FORMAT.parse(reader);
			Set<String> header = new HashSet<>();
			parser.getHeaderNames().forEach((name) -> header.add(Fold.compact(name)));
			for (String column : requiredColumns) {
				if (!header.contains(column)) {
					throw new RegistryException(file + ": missing column '" + column + "' (expected columns "
							+ Arrays.toString(requiredColumns) + ")");
				}
			}
			return parser.getRecords();
		}
		catch (IOException | RuntimeException ex) {
			if (ex instanceof RegistryException registryException) {
				throw registryException;
			}
			throw new RegistryException("cannot read " + file + ": " + ex.getMessage(), ex);
		}
	}

	/**
	 * Excel saves CSV as UTF-8 with a BOM; without this the first column's name would not
	 * match.
	 */
	private static void skipByteOrderMark(Reader reader) throws IOException {
		reader.mark(1);
		if (reader.read() != '\uFEFF') {
			reader.reset();
		}
	}

	private static String field(CSVRecord record, String column, Path file) {
		String value = record.isMapped(column) ? Fold.trim(record.get(column)) : "";
		if (value.isEmpty()) {
			throw new RegistryException(
					file + " line " + record.getRecordNumber() + ": column '" + column + "' is empty");
		}
		return value;
	}

	private static List<String> aliases(CSVRecord record) {
		if (!record.isMapped("aliases") || !record.isSet("aliases")) {
			return List.of();
		}
		return Arrays.stream(record.get("aliases").split("[|｜]")).map(Fold::trim).filter((a) -> !a.isEmpty()).toList();
	}

	private static void requireUniqueCodes(Path file, List<String> codes) {
		Set<String> seen = new HashSet<>();
		for (String code : codes) {
			if (!seen.add(code)) {
				throw new RegistryException(file + ": code " + code + " appears twice");
			}
		}
	}

}
