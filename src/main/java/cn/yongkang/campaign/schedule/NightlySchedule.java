package cn.yongkang.campaign.schedule;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.Map;

import org.quartz.CronExpression;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/** {@code jobs/schedule.yml}: when the daemon fires, and which night it processes. */
public record NightlySchedule(String cron, ZoneId zone, int daysBefore, Path inbox) {

	public static NightlySchedule load(Path jobsDirectory) {
		Path file = jobsDirectory.resolve("schedule.yml");
		Map<String, Object> yaml = Map.of();
		if (Files.isRegularFile(file)) {
			try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
				Object loaded = new Yaml(new SafeConstructor(new LoaderOptions())).load(reader);
				if (loaded instanceof Map<?, ?> map) {
					@SuppressWarnings("unchecked")
					Map<String, Object> typed = (Map<String, Object>) map;
					yaml = typed;
				}
			}
			catch (IOException | RuntimeException ex) {
				throw new IllegalArgumentException(file + " cannot be read: " + ex.getMessage());
			}
		}
		String cron = String.valueOf(yaml.getOrDefault("cron", "0 30 1 * * ?"));
		if (!CronExpression.isValidExpression(cron)) {
			throw new IllegalArgumentException(file + ": cron '" + cron
					+ "' is not a Quartz cron expression (second minute hour day month weekday, e.g. 0 30 1 * * ?)");
		}
		ZoneId zone;
		try {
			zone = ZoneId.of(String.valueOf(yaml.getOrDefault("zone", "Asia/Shanghai")));
		}
		catch (DateTimeException ex) {
			throw new IllegalArgumentException(file + ": unknown time zone '" + yaml.get("zone") + "'");
		}
		Object days = yaml.getOrDefault("days_before", 1);
		if (!(days instanceof Integer daysBefore) || daysBefore < 0) {
			throw new IllegalArgumentException(file + ": days_before must be 0 or more, not '" + days + "'");
		}
		return new NightlySchedule(cron, zone, daysBefore,
				Path.of(String.valueOf(yaml.getOrDefault("inbox", "inbox"))));
	}

}
