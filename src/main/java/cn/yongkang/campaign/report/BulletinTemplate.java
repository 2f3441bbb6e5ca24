package cn.yongkang.campaign.report;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

import cn.yongkang.campaign.registry.Category;

/** The bulletin's wording from {@code jobs/bulletin/bulletin.yml}. */
final class BulletinTemplate {

	private static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\w+)}");

	private final Path file;

	private final Map<String, Object> yaml;

	private BulletinTemplate(Path file, Map<String, Object> yaml) {
		this.file = file;
		this.yaml = yaml;
	}

	static BulletinTemplate load(Path jobsDirectory) {
		Path file = jobsDirectory.resolve("bulletin").resolve("bulletin.yml");
		try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
			Object loaded = new Yaml(new SafeConstructor(new LoaderOptions())).load(reader);
			if (!(loaded instanceof Map<?, ?>)) {
				throw new IllegalStateException(
						file + " must be a YAML mapping with title, intro, categories, sentences");
			}
			@SuppressWarnings("unchecked")
			Map<String, Object> map = (Map<String, Object>) loaded;
			return new BulletinTemplate(file, map);
		}
		catch (IOException ex) {
			throw new IllegalStateException("cannot read the bulletin template " + file
					+ " (give --jobs the folder that holds bulletin/bulletin.yml)", ex);
		}
	}

	String title() {
		return text(this.yaml, "title");
	}

	String intro() {
		Object intro = this.yaml.get("intro");
		return intro == null ? "" : intro.toString().strip();
	}

	/** How a category is named; {@code use} is {@code subject} or {@code lagging}. */
	String category(Category category, String use) {
		return text(section(section(this.yaml, "categories"), category.name()), use);
	}

	String sentence(String name) {
		return text(section(this.yaml, "sentences"), name);
	}

	/** The text at a path of keys, e.g. {@code at("moves", "up", "hazards_found")}. */
	String at(String... keys) {
		Map<String, Object> parent = this.yaml;
		for (int i = 0; i < keys.length - 1; i++) {
			parent = section(parent, keys[i]);
		}
		return text(parent, keys[keys.length - 1]).strip();
	}

	/** The text at a path of keys, or the fallback when the template leaves it out. */
	String atOr(String fallback, String... keys) {
		Object value = this.yaml;
		for (String key : keys) {
			value = (value instanceof Map<?, ?> map) ? map.get(key) : null;
		}
		return value == null ? fallback : value.toString().strip();
	}

	/**
	 * Fills {name} placeholders; an unknown placeholder is an error in the template,
	 * named.
	 */
	String fill(String pattern, Map<String, String> values) {
		Matcher matcher = PLACEHOLDER.matcher(pattern);
		StringBuilder out = new StringBuilder();
		while (matcher.find()) {
			String value = values.get(matcher.group(1));
			if (value == null) {
				throw new IllegalStateException(this.file + ": unknown placeholder {" + matcher.group(1) + "} in '"
						+ pattern + "'; known here: " + values.keySet());
			}
			matcher.appendReplacement(out, Matcher.quoteReplacement(value));
		}
		matcher.appendTail(out);
		return out.toString();
	}

	private Map<String, Object> section(Map<String, Object> parent, String key) {
		Object value = parent.get(key);
		if (!(value instanceof Map<?, ?>)) {
			throw new IllegalStateException(this.file + ": '" + key + "' is missing or not a mapping");
		}
		@SuppressWarnings("unchecked")
		Map<String, Object> map = (Map<String, Object>) value;
		return map;
	}

	private String text(Map<String, Object> parent, String key) {
		Object value = parent.get(key);
		if (value == null) {
			throw new IllegalStateException(this.file + ": '" + key + "' is missing");
		}
		return value.toString();
	}

}
