package cn.yongkang.campaign.web;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Map;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.stereotype.Component;

/** The Chinese words the pages show for states, steps and figures ({@code @labels}). */
@Component("labels")
@ConditionalOnWebApplication
public class Labels {

	private static final Map<String, String> STATES = Map.ofEntries(Map.entry("COMPLETED", "已完成"),
			Map.entry("FAILED", "失败"), Map.entry("RUNNING", "运行中"), Map.entry("STARTED", "运行中"),
			Map.entry("STARTING", "启动中"), Map.entry("STOPPING", "停止中"), Map.entry("STOPPED", "已停止"),
			Map.entry("ABANDONED", "已放弃"), Map.entry("UNKNOWN", "状态未知"), Map.entry("NOT_RUN", "未运行"),
			Map.entry("LOADED", "已读取"), Map.entry("QUARANTINED", "已隔离"), Map.entry("DUPLICATE", "重复上传"));

	private static final Map<String, String> STEPS = Map.of("ingest", "接收文件", "validate", "逐行校验", "dedupe", "去重合并",
			"statistics", "统计", "ranking", "排名", "report", "生成通报");

	private static final Map<String, String> ROLES = Map.of("OPERATOR", "运维人员", "OFFICE", "市专班", "TOWNSHIP", "镇街");

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

	public String state(String state) {
		return state == null ? "—" : STATES.getOrDefault(state, state);
	}

	/** A CSS class per state: green, red, blue, grey. */
	public String tone(String state) {
		if (state == null) {
			return "muted";
		}
		return switch (state) {
			case "COMPLETED", "LOADED" -> "ok";
			case "FAILED", "UNKNOWN", "QUARANTINED" -> "bad";
			case "RUNNING", "STARTED", "STARTING", "STOPPING" -> "busy";
			case "STOPPED", "DUPLICATE" -> "warn";
			default -> "muted";
		};
	}

	public String step(String step) {
		return step == null ? "—" : STEPS.getOrDefault(step, step);
	}

	public String role(String role) {
		return ROLES.getOrDefault(role, role);
	}

	public String duration(Duration duration) {
		if (duration == null) {
			return "—";
		}
		long seconds = duration.toSeconds();
		return seconds < 60 ? String.format("%.1f 秒", duration.toMillis() / 1000.0)
				: seconds / 60 + " 分 " + seconds % 60 + " 秒";
	}

	public String time(LocalDateTime time) {
		return time == null ? "—" : TIME.format(time);
	}

	public String percent(Object rate) {
		if (rate == null) {
			return "—";
		}
		BigDecimal value = rate instanceof BigDecimal decimal ? decimal : new BigDecimal(rate.toString());
		return value.movePointRight(2).setScale(2, RoundingMode.HALF_UP).toPlainString() + "%";
	}

}
