package cn.yongkang.campaign.sample;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import cn.yongkang.campaign.sample.SampleInputGenerator.Kind;
import cn.yongkang.campaign.sample.SampleInputGenerator.Status;

/**
 * How each township's clerk keeps the ledger: title lines, columns and their labels,
 * category and status words, date and phone cells. A township keeps its layout from one
 * night to the next.
 */
final class LedgerLayouts {

	enum Column {

		SERIAL("序号", 6), REF("隐患编号", 11), TOWNSHIP("乡镇（街道）", 13), VILLAGE("村（社区）", 14), CATEGORY("场所类型", 14),
		PREMISES("场所名称", 26), ADDRESS("地址", 36), HAZARD("隐患描述", 42), FOUND_ON("排查日期", 13), STATUS("整改情况", 10),
		RECTIFIED_ON("整改日期", 13), INSPECTOR("排查人", 14), CONTACT("联系电话", 15), REMARK("备注", 22);

		final String header;

		final int width;

		Column(String header, int width) {
			this.header = header;
			this.width = width;
		}

	}

	/**
	 * How dates are written: real date cells (with a display format) or text typed by
	 * hand.
	 */
	enum DateStyle {

		CELL_ISO(true, "yyyy-mm-dd"), CELL_SLASH(true, "yyyy/m/d"), CELL_CHINESE(true, "yyyy\"年\"m\"月\"d\"日\""),
		TEXT_ISO(false, "yyyy-MM-dd"), TEXT_SLASH(false, "yyyy/M/d"), TEXT_CHINESE(false, "yyyy年M月d日"),
		TEXT_DOT(false, "yyyy.M.d"), TEXT_COMPACT(false, "yyyyMMdd");

		final boolean cell;

		final String format;

		DateStyle(boolean cell, String format) {
			this.cell = cell;
			this.format = format;
		}

		String text(LocalDate date) {
			return date.format(DateTimeFormatter.ofPattern(this.format));
		}

	}

	enum PhoneStyle {

		TEXT, NUMBER_GENERAL, NUMBER_ZERO_FORMAT

	}

	enum VillageColumn {

		FILLED, BLANK, ABSENT

	}

	/**
	 * A clerk's way of keeping the ledger; fluent setters keep the table in
	 * {@link #layouts} short.
	 */
	static final class Layout {

		final String township;

		String folder;

		Function<LocalDate, String> fileName;

		String sheetName = "Sheet1";

		boolean title;

		boolean serial;

		boolean serialFormula;

		String refFormat;

		final Map<Column, String> headers = new EnumMap<>(Column.class);

		final Map<Kind, String> categories = new EnumMap<>(Kind.class);

		final Map<Status, String> statuses = new EnumMap<>(Status.class);

		String townshipCell;

		DateStyle dates = DateStyle.CELL_ISO;

		PhoneStyle phones = PhoneStyle.TEXT;

		VillageColumn villageColumn = VillageColumn.FILLED;

		boolean mergeVillages;

		boolean noteSheets;

		double committeeNames;

		double addressPrefix = 0.5;

		int trailingBlankRows;

		Layout(String township) {
			this.township = township;
			this.folder = township;
			this.townshipCell = township;
			for (Kind kind : Kind.values()) {
				this.categories.put(kind, kind.label);
			}
			for (Status status : Status.values()) {
				this.statuses.put(status, status.label);
			}
		}

		Layout folder(String folder) {
			this.folder = folder;
			return this;
		}

		Layout file(Function<LocalDate, String> fileName) {
			this.fileName = fileName;
			return this;
		}

		Layout sheet(String sheetName) {
			this.sheetName = sheetName;
			return this;
		}

		Layout title() {
			this.title = true;
			return this;
		}

		Layout serial() {
			this.serial = true;
			return this;
		}

		Layout serialFormula() {
			this.serial = true;
			this.serialFormula = true;
			return this;
		}

		Layout refs(String format) {
			this.refFormat = format;
			return this;
		}

		Layout header(Column column, String label) {
			this.headers.put(column, label);
			return this;
		}

		Layout categories(String rental, String shop, String threeInOne) {
			this.categories.put(Kind.RENTAL_HOUSING, rental);
			this.categories.put(Kind.STREET_SHOP, shop);
			this.categories.put(Kind.THREE_IN_ONE, threeInOne);
			return this;
		}

		Layout statuses(String open, String inProgress, String done) {
			this.statuses.put(Status.OPEN, open);
			this.statuses.put(Status.IN_PROGRESS, inProgress);
			this.statuses.put(Status.DONE, done);
			return this;
		}

		Layout townshipCell(String text) {
			this.townshipCell = text;
			return this;
		}

		Layout dates(DateStyle dates) {
			this.dates = dates;
			return this;
		}

		Layout phones(PhoneStyle phones) {
			this.phones = phones;
			return this;
		}

		Layout villageColumn(VillageColumn villageColumn) {
			this.villageColumn = villageColumn;
			return this;
		}

		Layout mergeVillages() {
			this.mergeVillages = true;
			return this;
		}

		Layout noteSheets() {
			this.noteSheets = true;
			return this;
		}

		Layout committeeNames(double share) {
			this.committeeNames = share;
			return this;
		}

		Layout addressPrefix(double share) {
			this.addressPrefix = share;
			return this;
		}

		Layout trailingBlankRows(int count) {
			this.trailingBlankRows = count;
			return this;
		}

		/**
		 * The same ledger without the title lines, as clerks send an extract of new rows.
		 */
		Layout extract() {
			Layout copy = new Layout(this.township);
			copy.folder = this.folder;
			copy.fileName = this.fileName;
			copy.serial = this.serial;
			copy.serialFormula = this.serialFormula;
			copy.refFormat = this.refFormat;
			copy.headers.putAll(this.headers);
			copy.categories.putAll(this.categories);
			copy.statuses.putAll(this.statuses);
			copy.townshipCell = this.townshipCell;
			copy.dates = this.dates;
			copy.phones = this.phones;
			copy.villageColumn = this.villageColumn;
			return copy;
		}

		List<Column> columns() {
			List<Column> columns = new ArrayList<>();
			for (Column column : Column.values()) {
				boolean wanted = switch (column) {
					case SERIAL -> this.serial;
					case REF -> this.refFormat != null;
					case VILLAGE -> this.villageColumn != VillageColumn.ABSENT;
					case REMARK -> this.noteSheets;
					default -> true;
				};
				if (wanted) {
					columns.add(column);
				}
			}
			return columns;
		}

		String header(Column column) {
			return this.headers.getOrDefault(column, column.header);
		}

		/** 1-based number of the first data row, as Excel shows it. */
		int firstDataRow() {
			return this.title ? 4 : 2;
		}

	}

	private static final DateTimeFormatter MONTH_DAY = DateTimeFormatter.ofPattern("M.d");

	private static final DateTimeFormatter COMPACT = DateTimeFormatter.ofPattern("yyyyMMdd");

	static final DateTimeFormatter CHINESE_DAY = DateTimeFormatter.ofPattern("yyyy年M月d日");

	static Map<String, Layout> layouts() {
		List<Layout> layouts = List.of(
				new Layout("东城街道").file((d) -> "东城街道消防安全隐患排查整治台账（" + d.format(MONTH_DAY) + "）.xlsx")
					.sheet("台账")
					.title()
					.serial()
					.refs("DC-%04d")
					.committeeNames(0.12)
					.addressPrefix(0.8),
				new Layout("西城街道").file((d) -> "西城街道台账" + d.format(COMPACT) + ".xlsx")
					.header(Column.TOWNSHIP, "镇街")
					.header(Column.VILLAGE, "村社")
					.header(Column.CATEGORY, "场所类别")
					.header(Column.HAZARD, "存在问题")
					.categories("出租房", "店铺", "三合一")
					.townshipCell("西城")
					.dates(DateStyle.TEXT_SLASH)
					.addressPrefix(0.3),
				new Layout("江南街道").file((d) -> "江南街道双月攻坚隐患台账.xlsx")
					.title()
					.serial()
					.header(Column.TOWNSHIP, "乡镇(街道)")
					.header(Column.VILLAGE, "村(社区)")
					.dates(DateStyle.CELL_SLASH),
				new Layout("石柱镇").file((d) -> "石柱镇隐患排查整治台账" + d.getMonthValue() + "月" + d.getDayOfMonth() + "日.xlsx")
					.serial()
					.header(Column.ADDRESS, "地　址")
					.header(Column.HAZARD, "隐患描述*")
					.header(Column.FOUND_ON, "排查日期*")
					.townshipCell("永康市石柱镇")
					.dates(DateStyle.TEXT_CHINESE)
					.phones(PhoneStyle.NUMBER_GENERAL),
				new Layout("前仓镇").file((d) -> "前仓镇台账.xlsx")
					.title()
					.serial()
					.categories("出租屋", "沿街商铺", "三合一企业")
					.addressPrefix(0.9),
				new Layout("舟山镇").file((d) -> "舟山镇消防隐患台账.xlsx").title().dates(DateStyle.TEXT_DOT),
				new Layout("古山镇").file((d) -> "古山镇双月攻坚台账（" + d.getYear() + "." + d.format(MONTH_DAY) + "）.xlsx")
					.sheet("隐患台账")
					.serial()
					.refs("GS-%04d")
					.header(Column.FOUND_ON, "检查日期")
					.header(Column.STATUS, "是否整改")
					.header(Column.RECTIFIED_ON, "完成时间")
					.header(Column.INSPECTOR, "检查人")
					.header(Column.CONTACT, "电话")
					.categories("居住出租房", "沿街店铺", "“三合一”场所")
					.statuses("否", "整改中", "是")
					.dates(DateStyle.CELL_CHINESE),
				new Layout("方岩镇").file((d) -> "方岩镇台账" + d.format(COMPACT) + ".xlsx")
					.title()
					.serial()
					.townshipCell("方岩")
					.dates(DateStyle.TEXT_COMPACT),
				new Layout("龙山镇").file((d) -> "龙山镇消防安全隐患排查整治台账.xlsx")
					.title()
					.serial()
					.mergeVillages()
					.dates(DateStyle.CELL_SLASH),
				new Layout("西溪镇").file((d) -> "西溪镇隐患台账（" + d.getMonthValue() + "月" + d.getDayOfMonth() + "日）.xlsx")
					.sheet("台账")
					.noteSheets()
					.categories("出租房", "沿街店铺", "三合一"),
				new Layout("象珠镇").file((d) -> "象珠镇台账.xlsx")
					.serialFormula()
					.header(Column.TOWNSHIP, "乡镇（街道）*")
					.header(Column.VILLAGE, "村（社区）*")
					.header(Column.CATEGORY, "场所类型*")
					.header(Column.ADDRESS, "地址*")
					.header(Column.HAZARD, "隐患描述*")
					.header(Column.FOUND_ON, "排查日期*")
					.header(Column.STATUS, "整改情况*")
					.phones(PhoneStyle.NUMBER_ZERO_FORMAT),
				new Layout("唐先镇").file((d) -> "唐先镇隐患排查台账" + d.format(MONTH_DAY) + ".xlsx")
					.title()
					.header(Column.HAZARD, "隐患内容")
					.header(Column.FOUND_ON, "发现日期")
					.header(Column.STATUS, "整改状态")
					.header(Column.RECTIFIED_ON, "整改完成日期")
					.categories("出租屋", "沿街店面", "三合一企业")
					.townshipCell("唐先")
					.dates(DateStyle.TEXT_ISO)
					.trailingBlankRows(3),
				new Layout("花街镇").file((d) -> "花街镇台账.xlsx")
					.serial()
					.header(Column.TOWNSHIP, "所属镇街")
					.header(Column.VILLAGE, "所属村社")
					.header(Column.HAZARD, "隐患问题")
					.header(Column.CONTACT, "手机"),
				new Layout("芝英镇").folder("330784115000")
					.file((d) -> "芝英镇双月攻坚隐患台账.xlsx")
					.title()
					.serial()
					.refs("ZY-%04d")
					.committeeNames(0.1),
				new Layout("经济开发区").folder("开发区")
					.file((d) -> "经济开发区台账" + d + ".xlsx")
					.title()
					.serial()
					.villageColumn(VillageColumn.ABSENT)
					.dates(DateStyle.CELL_SLASH)
					.addressPrefix(1),
				new Layout("现代农业装备高新区").file((d) -> "高新区隐患台账.xlsx")
					.villageColumn(VillageColumn.BLANK)
					.townshipCell("高新区")
					.addressPrefix(1));
		Map<String, Layout> byTownship = new LinkedHashMap<>();
		layouts.forEach((layout) -> byTownship.put(layout.township, layout));
		return byTownship;
	}

	private LedgerLayouts() {
	}

}
