package cn.yongkang.campaign.ingest;

import java.util.List;
import java.util.Optional;

import cn.yongkang.campaign.support.Fold;

/**
 * The ledger columns: the header label, the aliases clerks use, and the staged_row column
 * each lands in. Header cells match after folding (full-width, spaces) and after dropping
 * required-field marks such as {@code *}.
 */
public enum LedgerField {

	HAZARD_REF("hazard_ref", "隐患编号", "编号"),
	TOWNSHIP("township", "乡镇（街道）", "镇街", "乡镇", "街道", "所属镇街", "乡镇(街道)", "镇（街道）", "镇(街道)"),
	VILLAGE("village", "村（社区）", "村社", "行政村", "社区", "所属村社", "村(社区)", "村居", "村（居）"),
	CATEGORY("category", "场所类型", "场所类别", "类别"), PREMISES("premises", "场所名称", "名称", "店名", "企业名称"),
	ADDRESS("address", "地址", "场所地址", "详细地址"), HAZARD("hazard", "隐患描述", "隐患内容", "存在问题", "隐患问题"),
	FOUND_ON("found_on", "排查日期", "检查日期", "发现日期"), STATUS("status", "整改情况", "整改状态", "是否整改"),
	RECTIFIED_ON("rectified_on", "整改日期", "整改完成日期", "完成时间"), INSPECTOR("inspector", "排查人", "检查人"),
	CONTACT("contact", "联系电话", "电话", "手机");

	private final String column;

	private final String header;

	private final List<String> aliases;

	LedgerField(String column, String header, String... aliases) {
		this.column = column;
		this.header = header;
		this.aliases = List.of(aliases);
	}

	/**
	 * The column of {@code staged_row} and {@code rejected_row} that holds this field's
	 * raw value.
	 */
	public String column() {
		return this.column;
	}

	/**
	 * The label of the official ledger template, as reasons and feedback files name the
	 * column.
	 */
	public String header() {
		return this.header;
	}

	/**
	 * The field a header cell names. A note in brackets after the label (整改日期（已整改必填）,
	 * 排查日期(格式:2022-10-04)) is dropped when the whole cell names nothing, so that 村（社区）
	 * still matches as a whole.
	 */
	public static Optional<LedgerField> ofLabel(String label) {
		String key = labelKey(label);
		while (!key.isEmpty()) {
			Optional<LedgerField> field = ofKey(key);
			if (field.isPresent() || !key.endsWith(")") || key.indexOf('(') <= 0) {
				return field;
			}
			key = key.substring(0, key.lastIndexOf('('));
		}
		return Optional.empty();
	}

	private static Optional<LedgerField> ofKey(String key) {
		for (LedgerField field : values()) {
			if (key.equals(labelKey(field.header))) {
				return Optional.of(field);
			}
			for (String alias : field.aliases) {
				if (key.equals(labelKey(alias))) {
					return Optional.of(field);
				}
			}
		}
		return Optional.empty();
	}

	/**
	 * Folds a header cell: full-width to plain, no spaces or line breaks, no required
	 * marks.
	 */
	static String labelKey(String label) {
		return Fold.compact(label).replaceAll("^[*※★]+|[*※★]+$", "").replaceAll("\\(必填\\)|\\(选填\\)", "");
	}

}
