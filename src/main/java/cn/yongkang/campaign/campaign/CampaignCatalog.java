package cn.yongkang.campaign.campaign;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.List;
import java.util.Map;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

import cn.yongkang.campaign.registry.Category;

/** The campaigns defined under {@code jobs/campaigns/}, one YAML file each. */
public final class CampaignCatalog {

	private final Path folder;

	private final List<Campaign> campaigns;

	private CampaignCatalog(Path folder, List<Campaign> campaigns) {
		this.folder = folder;
		this.campaigns = campaigns;
	}

	public static CampaignCatalog load(Path jobsDirectory) {
		Path folder = jobsDirectory.resolve("campaigns");
		if (!Files.isDirectory(folder)) {
			throw new CampaignException(
					"campaign folder not found: " + folder + " (give --jobs the folder that holds campaigns/<id>.yml)");
		}
		List<Campaign> campaigns = new ArrayList<>();
		try (DirectoryStream<Path> files = Files.newDirectoryStream(folder, "*.{yml,yaml}")) {
			for (Path file : files) {
				campaigns.add(parse(file));
			}
		}
		catch (IOException ex) {
			throw new CampaignException("cannot read " + folder + ": " + ex.getMessage());
		}
		campaigns.sort(Comparator.comparing(Campaign::start).thenComparing(Campaign::id));
		return new CampaignCatalog(folder, List.copyOf(campaigns));
	}

	public List<Campaign> all() {
		return this.campaigns;
	}

	public Campaign get(String id) {
		return this.campaigns.stream()
			.filter((c) -> c.id().equals(id))
			.findFirst()
			.orElseThrow(
					() -> new CampaignException("unknown campaign '" + id + "': " + this.folder + " defines " + ids()));
	}

	/**
	 * The campaign named by {@code --campaign}, or else the one whose period holds the
	 * date.
	 */
	public Campaign choose(String id, LocalDate date) {
		if (id != null && !id.isBlank()) {
			return get(id);
		}
		List<Campaign> running = this.campaigns.stream().filter((c) -> c.covers(date)).toList();
		if (running.isEmpty()) {
			throw new CampaignException("no campaign in " + this.folder + " covers " + date + " (defined: " + ids()
					+ "); name one with --campaign ID");
		}
		if (running.size() > 1) {
			throw new CampaignException("several campaigns cover " + date + ": "
					+ running.stream().map(Campaign::id).toList() + "; name one with --campaign ID");
		}
		return running.get(0);
	}

	private String ids() {
		return this.campaigns.isEmpty() ? "none" : this.campaigns.stream().map(Campaign::id).toList().toString();
	}

	private static Campaign parse(Path file) {
		Map<String, Object> yaml;
		try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
			Object loaded = new Yaml(new SafeConstructor(new LoaderOptions())).load(reader);
			if (!(loaded instanceof Map<?, ?>)) {
				throw new CampaignException(file + ": expected a YAML mapping with id, name, start, end, categories");
			}
			@SuppressWarnings("unchecked")
			Map<String, Object> map = (Map<String, Object>) loaded;
			yaml = map;
		}
		catch (IOException | RuntimeException ex) {
			if (ex instanceof CampaignException campaignException) {
				throw campaignException;
			}
			throw new CampaignException(file + " is not valid YAML: " + ex.getMessage());
		}
		Fields fields = new Fields(file, yaml);
		String id = fields.text("id");
		String expectedId = file.getFileName().toString().replaceFirst("\\.ya?ml$", "");
		if (!id.equals(expectedId)) {
			throw new CampaignException(file + ": id '" + id + "' must equal the file name '" + expectedId + "'");
		}
		LocalDate start = fields.date("start");
		LocalDate end = fields.date("end");
		if (end.isBefore(start)) {
			throw new CampaignException(file + ": end " + end + " is before start " + start);
		}
		List<Category> categories = new ArrayList<>();
		for (Object code : fields.list("categories", true)) {
			try {
				categories.add(Category.ofCode(String.valueOf(code)));
			}
			catch (IllegalArgumentException ex) {
				throw new CampaignException(file + ": " + ex.getMessage());
			}
		}
		List<String> townships = fields.list("townships", false).stream().map(String::valueOf).toList();
		Fields ranking = fields.section("ranking");
		Fields lagging = fields.section("lagging");
		Category laggingCategory = categories.contains(Category.RENTAL_HOUSING) || categories.isEmpty()
				? Category.RENTAL_HOUSING : categories.get(0);
		if (lagging.has("category")) {
			try {
				laggingCategory = Category.ofCode(lagging.text("category"));
			}
			catch (IllegalArgumentException ex) {
				throw new CampaignException(file + ": lagging." + ex.getMessage());
			}
		}
		String name = fields.text("name");
		return new Campaign(id, name, fields.has("bulletin_name") ? fields.text("bulletin_name") : name, start, end,
				List.copyOf(categories), townships, ranking.number("size", 3),
				new Campaign.Lagging(laggingCategory, lagging.number("villages", 20), lagging.number("communities", 5),
						lagging.number("min_found", 3)),
				flags(fields.section("flags")));
	}

	private static Campaign.Flags flags(Fields flags) {
		Campaign.Flags d = Campaign.Flags.DEFAULTS;
		Fields bulk = flags.section("bulk_rectification");
		Fields sameDay = flags.section("same_day_rectification");
		return new Campaign.Flags(bulk.number("min_hazards", d.bulkMinHazards()),
				bulk.share("min_share", d.bulkMinShare()),
				flags.section("backdated_rectification").number("min_hazards", d.backdatedMinHazards()),
				flags.section("regression").number("min_hazards", d.regressionMinHazards()),
				sameDay.number("min_hazards", d.sameDayMinHazards()), sameDay.share("min_share", d.sameDayMinShare()));
	}

	/** Typed access to one YAML mapping, with messages that name the file and the key. */
	private record Fields(Path file, Map<String, Object> map) {

		boolean has(String key) {
			return this.map.get(key) != null;
		}

		Object required(String key) {
			Object value = this.map.get(key);
			if (value == null || String.valueOf(value).isBlank()) {
				throw new CampaignException(this.file + ": '" + key + "' is missing");
			}
			return value;
		}

		String text(String key) {
			return String.valueOf(required(key)).trim();
		}

		LocalDate date(String key) {
			Object value = required(key);
			if (value instanceof Date date) {
				return date.toInstant().atZone(ZoneOffset.UTC).toLocalDate();
			}
			try {
				return LocalDate.parse(String.valueOf(value).trim());
			}
			catch (DateTimeParseException ex) {
				throw new CampaignException(
						this.file + ": '" + key + "' must be a date like 2022-09-01, not '" + value + "'");
			}
		}

		int number(String key, int fallback) {
			Object value = this.map.get(key);
			if (value == null) {
				return fallback;
			}
			if (value instanceof Integer number && number > 0) {
				return number;
			}
			throw new CampaignException(
					this.file + ": '" + key + "' must be a positive whole number, not '" + value + "'");
		}

		/** A share: 0.3 or 30%, above 0 and at most 1. */
		double share(String key, double fallback) {
			Object value = this.map.get(key);
			if (value == null) {
				return fallback;
			}
			String text = String.valueOf(value).trim();
			try {
				double share = text.endsWith("%") ? Double.parseDouble(text.substring(0, text.length() - 1)) / 100
						: Double.parseDouble(text);
				if (share > 0 && share <= 1) {
					return share;
				}
			}
			catch (NumberFormatException ex) {
				// reported below
			}
			throw new CampaignException(
					this.file + ": '" + key + "' must be a share such as 0.3 or 30%, not '" + value + "'");
		}

		List<?> list(String key, boolean required) {
			Object value = required ? required(key) : this.map.get(key);
			if (value == null) {
				return List.of();
			}
			if (value instanceof List<?> list && !(required && list.isEmpty())) {
				return list;
			}
			throw new CampaignException(
					this.file + ": '" + key + "' must be a list such as [RENTAL_HOUSING, STREET_SHOP]");
		}

		Fields section(String key) {
			Object value = this.map.get(key);
			if (value == null) {
				return new Fields(this.file, Map.of());
			}
			if (value instanceof Map<?, ?> section) {
				@SuppressWarnings("unchecked")
				Map<String, Object> typed = (Map<String, Object>) section;
				return new Fields(this.file, typed);
			}
			throw new CampaignException(this.file + ": '" + key + "' must be a mapping");
		}

	}

}
