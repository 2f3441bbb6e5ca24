package cn.yongkang.campaign.ranking;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import cn.yongkang.campaign.campaign.Campaign;
import cn.yongkang.campaign.registry.Category;
import cn.yongkang.campaign.registry.Registry;
import cn.yongkang.campaign.registry.Township;

/**
 * Where a snapshot comes from: the campaign settings it was computed with (JSON), the
 * SHA-256 of the registry files and of the bulletin template, and the program version. A
 * rerun after a registry fix shows a new registry fingerprint.
 */
record Provenance(String settings, String registryFingerprint, String templateFingerprint, String programVersion) {

	static final List<String> REGISTRY_FILES = List.of("regions/townships.csv", "regions/villages.csv");

	static final String TEMPLATE_FILE = "bulletin/bulletin.yml";

	static Provenance of(Campaign campaign, Registry registry, Path jobs) {
		return new Provenance(settingsOf(campaign, registry), sha256(jobs, REGISTRY_FILES),
				sha256(jobs, List.of(TEMPLATE_FILE)), currentVersion());
	}

	static String settingsOf(Campaign campaign, Registry registry) {
		Map<String, Object> settings = new LinkedHashMap<>();
		settings.put("id", campaign.id());
		settings.put("name", campaign.name());
		settings.put("bulletin_name", campaign.bulletinName());
		settings.put("start", campaign.start().toString());
		settings.put("end", campaign.end().toString());
		settings.put("categories", campaign.categories().stream().map(Category::name).toList());
		settings.put("townships", campaign.participants(registry).stream().map(Township::code).toList());
		settings.put("ranking", Map.of("size", campaign.rankingSize()));
		Campaign.Lagging lagging = campaign.lagging();
		Map<String, Object> laggingSettings = new LinkedHashMap<>();
		laggingSettings.put("category", lagging.category().name());
		laggingSettings.put("villages", lagging.villages());
		laggingSettings.put("communities", lagging.communities());
		laggingSettings.put("min_found", lagging.minFound());
		settings.put("lagging", laggingSettings);
		Campaign.Flags flags = campaign.flags();
		Map<String, Object> flagSettings = new LinkedHashMap<>();
		flagSettings.put("bulk_rectification",
				Map.of("min_hazards", flags.bulkMinHazards(), "min_share", flags.bulkMinShare()));
		flagSettings.put("backdated_rectification", Map.of("min_hazards", flags.backdatedMinHazards()));
		flagSettings.put("regression", Map.of("min_hazards", flags.regressionMinHazards()));
		flagSettings.put("same_day_rectification",
				Map.of("min_hazards", flags.sameDayMinHazards(), "min_share", flags.sameDayMinShare()));
		settings.put("flags", flagSettings);
		try {
			return new ObjectMapper().writeValueAsString(settings);
		}
		catch (JsonProcessingException ex) {
			throw new IllegalStateException("cannot write the campaign settings as JSON", ex);
		}
	}

	/** One digest over the files in order, each preceded by its name. */
	static String sha256(Path jobs, List<String> files) {
		try {
			MessageDigest digest = MessageDigest.getInstance("SHA-256");
			for (String name : files) {
				digest.update((name + "\n").getBytes(StandardCharsets.UTF_8));
				digest.update(Files.readAllBytes(jobs.resolve(name)));
			}
			return HexFormat.of().formatHex(digest.digest());
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot read " + files + " under " + jobs + " for the snapshot's provenance",
					ex);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** The jar's Implementation-Version; "development" when run from classes. */
	static String currentVersion() {
		String version = Provenance.class.getPackage().getImplementationVersion();
		return "campaign-pipeline " + (version != null ? version : "development");
	}

}
