package cn.yongkang.campaign.validate;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import cn.yongkang.campaign.dedupe.HazardKey;
import cn.yongkang.campaign.registry.Category;
import cn.yongkang.campaign.registry.Registry;
import cn.yongkang.campaign.registry.Township;
import cn.yongkang.campaign.registry.Village;
import cn.yongkang.campaign.support.Fold;

/**
 * The ledger row rules. Every failed rule adds a reason that names the column and the
 * value, so one pass tells the clerk everything to fix; warnings accept the row.
 */
public final class RowValidator {

	static final String SEPARATOR = "；";

	/**
	 * The value columns of {@code staged_row} and {@code rejected_row}, in order: the
	 * order of a row's values in {@link #check}.
	 */
	public static final List<String> VALUE_COLUMNS = List.of("hazard_ref", "township", "village", "category",
			"premises", "address", "hazard", "found_on", "status", "rectified_on", "inspector", "contact");

	/** Excel's own limit for one cell: longer text comes only from other programs. */
	static final int MAX_CELL_CHARS = 32_767;

	/** The columns in {@link StagedValues#values()} order, as the clerk sees them. */
	static final String[] HEADERS = { "隐患编号", "乡镇（街道）", "村（社区）", "场所类型", "场所名称", "地址", "隐患描述", "排查日期", "整改情况", "整改日期",
			"排查人", "联系电话" };

	private static final Pattern PHONE_SEPARATORS = Pattern.compile("[\\s\\-()（）]");

	private static final Pattern CHINA_PREFIX = Pattern.compile("^\\+?86(?=1)");

	private static final Pattern MOBILE = Pattern.compile("1[3-9]\\d{9}");

	private static final Pattern LANDLINE = Pattern.compile("(0\\d{2,3})?[2-9]\\d{6,7}(转\\d{1,5})?");

	private final Registry registry;

	private final Township uploader;

	private final LocalDate uploadDate;

	/**
	 * @param uploader the township whose folder the file came from
	 * @param uploadDate the inbox date: no date in a row may be later
	 */
	public RowValidator(Registry registry, Township uploader, LocalDate uploadDate) {
		this.registry = registry;
		this.uploader = uploader;
		this.uploadDate = uploadDate;
	}

	/**
	 * The rules on one row as read from a file, for a check that stores nothing.
	 * @param values the raw values in the order of {@code staged_row}'s value columns,
	 * hazard_ref to contact ({@link #VALUE_COLUMNS}), null for an empty cell
	 */
	public RowOutcome check(int rowNumber, String[] values) {
		if (values.length != VALUE_COLUMNS.size()) {
			throw new IllegalArgumentException("expected " + VALUE_COLUMNS.size() + " values, got " + values.length);
		}
		StagedValues row = new StagedValues(0, rowNumber, values[0], values[1], values[2], values[3], values[4],
				values[5], values[6], values[7], values[8], values[9], values[10], values[11]);
		Verdict verdict = validate(row);
		return new RowOutcome(rowNumber, java.util.Arrays.asList(values.clone()), verdict.problems(),
				verdict.warnings());
	}

	/**
	 * @return the accepted row, or else the problems, whose reasons joined by
	 * {@value #SEPARATOR} are what {@code rejected_row} stores
	 */
	Verdict validate(StagedValues row) {
		List<Problem> reasons = new ArrayList<>();
		List<String> warnings = new ArrayList<>();
		checkLengths(row, reasons);
		checkTownship(row.township(), reasons);
		String villageCode = village(row.village(), reasons, warnings);
		Category category = category(row.category(), reasons);
		String address = required(row.address(), "address", "地址", reasons);
		String description = required(row.hazard(), "hazard", "隐患描述", reasons);
		LocalDate foundOn = date(row.foundOn(), "found_on", "排查日期", true, reasons);
		RectificationStatus status = status(row.status(), reasons);
		LocalDate rectifiedOn = date(row.rectifiedOn(), "rectified_on", "整改日期", false, reasons);
		if (status == RectificationStatus.RECTIFIED && Fold.isBlank(row.rectifiedOn())) {
			reasons.add(new Problem("rectified_on", "整改情况为已整改，但整改日期为空", "填写整改完成的日期；尚未整改完成的请改为未整改或整改中"));
		}
		if (rectifiedOn != null && foundOn != null && rectifiedOn.isBefore(foundOn)) {
			reasons.add(new Problem("rectified_on", "整改日期“" + row.rectifiedOn() + "”早于排查日期" + foundOn, null));
		}
		if (status != null && status != RectificationStatus.RECTIFIED && rectifiedOn != null) {
			warnings.add("整改情况为" + status.label() + "，但填写了整改日期“" + row.rectifiedOn() + "”，已忽略该日期");
			rectifiedOn = null;
		}
		String contact = Fold.trim(row.contact());
		checkPhone(contact, warnings);
		if (!reasons.isEmpty()) {
			return Verdict.rejected(reasons, warnings);
		}
		String hazardRef = emptyToNull(Fold.trim(row.hazardRef()));
		String key = HazardKey.of(this.uploader, hazardRef, villageCode, category.name(), address, description);
		return Verdict.accepted(new AcceptedRow(row.fileId(), row.rowNumber(), this.uploader.code(), key, hazardRef,
				villageCode, category.name(), emptyToNull(Fold.trim(row.premises())), address, description, foundOn,
				status, rectifiedOn, emptyToNull(Fold.trim(row.inspector())), emptyToNull(contact),
				warnings.isEmpty() ? null : String.join(SEPARATOR, warnings)), warnings);
	}

	private static void checkLengths(StagedValues row, List<Problem> reasons) {
		Object[] values = row.values();
		for (int i = 0; i < values.length; i++) {
			if (values[i] instanceof String text && text.length() > MAX_CELL_CHARS) {
				reasons.add(new Problem(VALUE_COLUMNS.get(i),
						HEADERS[i] + "内容超过" + MAX_CELL_CHARS + "个字符（Excel单元格的上限），请精简后重新上传", null));
			}
		}
	}

	private void checkTownship(String raw, List<Problem> reasons) {
		if (Fold.isBlank(raw)) {
			reasons.add(new Problem("township", "乡镇（街道）为空", "填写“" + this.uploader.name() + "”"));
			return;
		}
		Optional<Township> township = this.registry.township(raw);
		if (township.isEmpty()) {
			reasons.add(new Problem("township", "乡镇（街道）“" + raw + "”不是登记的乡镇（街道）",
					Suggestions.township(this.registry, this.uploader, raw)));
		}
		else if (!township.get().equals(this.uploader)) {
			reasons.add(new Problem("township",
					"乡镇（街道）“" + raw + "”与上传单位" + this.uploader.name() + "不符，请由" + township.get().name() + "自行上报",
					null));
		}
	}

	private String village(String raw, List<Problem> reasons, List<String> warnings) {
		if (Fold.isBlank(raw)) {
			if (!this.uploader.isZone()) {
				reasons.add(new Problem("village", "村（社区）为空", null));
			}
			return null;
		}
		Optional<Village> village = this.registry.village(this.uploader, raw);
		if (village.isPresent()) {
			return village.get().code();
		}
		if (this.uploader.isZone()) {
			// Zones overlap townships: a zone's premises may sit in a township's village.
			String owner = this.registry.townships()
				.stream()
				.filter((other) -> !other.equals(this.uploader) && this.registry.village(other, raw).isPresent())
				.map((other) -> "属于" + other.name() + "，")
				.findFirst()
				.orElse("");
			warnings.add("村（社区）“" + raw + "”" + owner + "未在" + this.uploader.name() + "登记，按区级统计");
		}
		else {
			reasons.add(new Problem("village", "村（社区）“" + raw + "”不属于" + this.uploader.name(),
					Suggestions.village(this.registry, this.uploader, raw)));
		}
		return null;
	}

	private static Category category(String raw, List<Problem> reasons) {
		if (Fold.isBlank(raw)) {
			reasons.add(new Problem("category", "场所类型为空", null));
			return null;
		}
		Optional<Category> category = Category.parse(raw);
		if (category.isEmpty()) {
			reasons
				.add(new Problem("category", "场所类型“" + raw + "”不是可选类型（居住出租房、沿街店铺、“三合一”企业）", Suggestions.category(raw)));
		}
		return category.orElse(null);
	}

	private static String required(String raw, String column, String label, List<Problem> reasons) {
		String value = Fold.trim(raw);
		if (value.isEmpty()) {
			reasons.add(new Problem(column, label + "为空", null));
			return null;
		}
		return value;
	}

	private LocalDate date(String raw, String column, String label, boolean required, List<Problem> reasons) {
		if (Fold.isBlank(raw)) {
			if (required) {
				reasons.add(new Problem(column, label + "为空", null));
			}
			return null;
		}
		Optional<LocalDate> date = LedgerDates.parse(raw);
		if (date.isEmpty()) {
			reasons.add(new Problem(column,
					label + "“" + raw + "”"
							+ (LedgerDates.looksLikeDate(raw) ? "不是存在的日期（该月没有这一天），请核对" : "无法识别，请填写如2022-10-04的日期"),
					null));
			return null;
		}
		if (date.get().isAfter(this.uploadDate)) {
			reasons.add(new Problem(column, label + "“" + raw + "”晚于上传日期" + this.uploadDate, null));
			return null;
		}
		return date.get();
	}

	private static RectificationStatus status(String raw, List<Problem> reasons) {
		if (Fold.isBlank(raw)) {
			reasons.add(new Problem("status", "整改情况为空", null));
			return null;
		}
		Optional<RectificationStatus> status = RectificationStatus.parse(raw);
		if (status.isEmpty()) {
			reasons.add(new Problem("status", "整改情况“" + raw + "”无法识别，应为已整改、未整改或整改中", Suggestions.status(raw)));
		}
		return status.orElse(null);
	}

	/**
	 * Several numbers may share the cell (separated by commas, 、 or spaces); spaces and
	 * dashes inside one number are fine. Each must look like a mobile or a landline
	 * number.
	 */
	private static void checkPhone(String contact, List<String> warnings) {
		if (contact.isEmpty()) {
			return;
		}
		String text = java.text.Normalizer.normalize(contact, java.text.Normalizer.Form.NFKC);
		for (String part : text.split("[,，、;；/]+")) {
			if (!isPhone(part) && !Arrays.stream(part.trim().split("\\s+")).allMatch(RowValidator::isPhone)) {
				warnings.add("联系电话“" + contact + "”不像有效的手机或固定电话号码，请核对");
				return;
			}
		}
	}

	private static boolean isPhone(String text) {
		String digits = CHINA_PREFIX.matcher(PHONE_SEPARATORS.matcher(text).replaceAll("")).replaceFirst("");
		return digits.isEmpty() || MOBILE.matcher(digits).matches() || LANDLINE.matcher(digits).matches();
	}

	private static String emptyToNull(String value) {
		return value == null || value.isEmpty() ? null : value;
	}

	/** Either an accepted row or the problems that reject it; warnings either way. */
	record Verdict(AcceptedRow accepted, List<Problem> problems, List<String> warnings) {

		static Verdict accepted(AcceptedRow row, List<String> warnings) {
			return new Verdict(row, List.of(), List.copyOf(warnings));
		}

		static Verdict rejected(List<Problem> problems, List<String> warnings) {
			return new Verdict(null, List.copyOf(problems), List.copyOf(warnings));
		}

		boolean isAccepted() {
			return this.accepted != null;
		}

		/** The reasons as {@code rejected_row} stores them, null for an accepted row. */
		String reasons() {
			return isAccepted() ? null : Problem.join(this.problems);
		}

	}

}
