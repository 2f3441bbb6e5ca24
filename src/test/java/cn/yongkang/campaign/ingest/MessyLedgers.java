package cn.yongkang.campaign.ingest;

import java.io.IOException;
import java.io.OutputStream;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import cn.yongkang.campaign.registry.Registry;
import cn.yongkang.campaign.registry.Township;
import cn.yongkang.campaign.registry.Village;

/**
 * Writes a random night of messy uploads, {@code INBOX/<date>/<township folder>/...}, the
 * way clerks make them, and knows what must become of every row: the generator decides
 * each row's outcome (accepted, accepted with a warning, rejected for one planted
 * mistake, blank) before it renders the row, so it can tell each file's reconciliation
 * and the number of distinct hazards without reimplementing validation or normalization.
 * <p>
 * Identity is known by construction: every hazard of a township has an address number of
 * its own, or a 隐患编号 of its own; a hazard that appears again (in the same file, or in
 * another file of the night) comes back exactly, or with only whitespace, full-width
 * characters, punctuation, a 永康市/township prefix on the address, another alias of its
 * village, category, township or status changed.
 * <p>
 * The mess: .xlsx (XSSF, and SXSSF for the big files), .xls (HSSF), .csv in UTF-8 with
 * and without BOM and in GBK; title and date rows above the header; header aliases,
 * full-width and {@code *}-marked labels, labels with line breaks; 序号 and extra columns;
 * columns in any order; blank rows between the data and after it (untouched, bordered,
 * spaces only, a 序号 only, a remark only) and footers; an instructions sheet, a summary
 * sheet with a partial header, a hidden old ledger before the ledger, a backup sheet
 * after it, or the ledger itself hidden; vertically merged village cells; dates as date
 * cells in several display formats, as serial numbers, as numbers like 20221004 and as
 * text in every form clerks use; phone numbers as numbers; rows of another township; one
 * row per rejection rule of {@code RowValidator}; warning rows; lock and system files
 * that are not uploads.
 */
final class MessyLedgers {

	static final LocalDate CAMPAIGN_START = LocalDate.of(2022, 9, 1);

	private static final Charset GBK = Charset.forName("GBK");

	private static final LocalDate EXCEL_EPOCH = LocalDate.of(1899, 12, 30);

	private static final List<String> ROADS = List.of("新村路", "中心街", "前街", "后街", "环村路", "文化路", "兴村路", "工业路", "上塘路",
			"下塘路", "溪边路", "老街", "大会堂路", "村口路", "新屋路", "后山路", "祠堂路", "塘沿路", "紫微北路", "丽州中路", "华溪北路", "望春东路", "金城路",
			"九铃东路", "胜利街", "解放街", "城北路", "溪心路", "南苑路", "府前路");

	private static final List<String> HAZARDS = List.of("楼道堆放杂物，堵塞疏散通道", "电动车在室内充电", "电线私拉乱接", "灭火器过期未更换", "未配置灭火器",
			"住人与生产经营未有效分隔", "疏散通道上锁", "应急照明损坏", "烟感报警器缺失", "易燃可燃材料堆放在楼梯间", "厨房油烟管道积油严重", "安全出口数量不足", "防盗窗未设逃生口",
			"使用液化气钢瓶未安装报警装置", "消防栓被遮挡");

	private static final List<String> PREMISES = List.of("出租房", "五金店", "小吃店", "超市", "理发店", "便利店", "电动车行", "五金制品厂",
			"工贸有限公司", "杯业加工作坊", "门业配件加工点", "早餐店", "棋牌室");

	private static final List<String> SURNAMES = List.of("胡", "应", "吕", "李", "陈", "程", "徐", "朱", "王", "周", "楼", "俞",
			"卢", "颜", "施");

	private static final List<String> GIVEN = List.of("建平", "晓东", "伟军", "丽娟", "志强", "海燕", "国庆", "永明", "建华", "小芳");

	private static final List<String> EXTRA_COLUMNS = List.of("备注", "整改措施", "网格员", "所属网格", "房东姓名");

	private static final List<String> REMARKS = List.of("无", "已告知房东", "限期三天", "复查中", "已拍照留存");

	private static final Map<String, List<String>> CATEGORY_WORDS = Map.of("RENTAL_HOUSING",
			List.of("居住出租房", "出租房", "出租屋", "居住出租屋"), "STREET_SHOP", List.of("沿街店铺", "店铺", "沿街商铺", "沿街店面"),
			"THREE_IN_ONE", List.of("“三合一”企业", "三合一", "三合一企业", "“三合一”场所", "\"三合一\"企业"));

	private static final List<String> CATEGORIES = List.of("RENTAL_HOUSING", "STREET_SHOP", "THREE_IN_ONE");

	/**
	 * Display formats of real date cells; m/d/yy is Excel's built-in format 14.
	 */
	private static final List<String> DATE_FORMATS = List.of("yyyy-mm-dd", "yyyy/m/d", "yyyy\"年\"m\"月\"d\"日\"",
			"m/d/yy", "yyyy-mm-dd hh:mm");

	/** A row's outcome. */
	enum Outcome {

		ACCEPTED, REJECTED

	}

	/** The ledger columns with the header label and the aliases clerks use. */
	enum Field {

		REF("隐患编号", "编号"), TOWNSHIP("乡镇（街道）", "镇街", "乡镇", "街道", "所属镇街", "乡镇(街道)"),
		VILLAGE("村（社区）", "村社", "行政村", "社区", "所属村社", "村(社区)"), CATEGORY("场所类型", "场所类别", "类别"),
		PREMISES("场所名称", "名称", "店名", "企业名称"), ADDRESS("地址", "场所地址", "详细地址"), HAZARD("隐患描述", "隐患内容", "存在问题", "隐患问题"),
		FOUND_ON("排查日期", "检查日期", "发现日期"), STATUS("整改情况", "整改状态", "是否整改"), RECTIFIED_ON("整改日期", "整改完成日期", "完成时间"),
		INSPECTOR("排查人", "检查人"), CONTACT("联系电话", "电话", "手机");

		final List<String> labels;

		Field(String... labels) {
			this.labels = List.of(labels);
		}

	}

	/** Every rule of RowValidator that rejects a row, with the words its reason holds. */
	enum Defect {

		TOWNSHIP_EMPTY("乡镇（街道）为空"), TOWNSHIP_UNKNOWN("乡镇（街道）“", "不是登记的乡镇（街道）"), VILLAGE_EMPTY("村（社区）为空"),
		VILLAGE_ELSEWHERE("村（社区）“", "不属于"), CATEGORY_EMPTY("场所类型为空"), CATEGORY_UNKNOWN("场所类型“", "不是可选类型"),
		ADDRESS_EMPTY("地址为空"), HAZARD_EMPTY("隐患描述为空"), FOUND_EMPTY("排查日期为空"), FOUND_UNREADABLE("排查日期“", "无法识别"),
		FOUND_IMPOSSIBLE("排查日期“", "不是存在的日期"), FOUND_LATE("排查日期“", "晚于上传日期"), STATUS_EMPTY("整改情况为空"),
		STATUS_UNKNOWN("整改情况“", "无法识别"), RECTIFIED_UNREADABLE("整改日期“", "无法识别"),
		RECTIFIED_IMPOSSIBLE("整改日期“", "不是存在的日期"), RECTIFIED_LATE("整改日期“", "晚于上传日期"),
		RECTIFIED_MISSING("整改情况为已整改，但整改日期为空"), RECTIFIED_BEFORE_FOUND("整改日期“", "早于排查日期");

		final List<String> words;

		Defect(String... words) {
			this.words = List.of(words);
		}

	}

	/** What makes RowValidator accept a row with a warning, with the words it holds. */
	enum Warning {

		ODD_PHONE("联系电话“", "不像有效的手机或固定电话号码"), RECTIFIED_ON_IGNORED("但填写了整改日期", "已忽略该日期"),
		ZONE_VILLAGE("未在", "登记，按区级统计");

		final List<String> words;

		Warning(String... words) {
			this.words = List.of(words);
		}

	}

	enum Format {

		XLSX(".xlsx", true), XLSX_STREAMING(".xlsx", true), XLS(".xls", true), CSV_UTF8(".csv", false),
		CSV_UTF8_BOM(".csv", false), CSV_GBK(".csv", false);

		final String extension;

		final boolean spreadsheet;

		Format(String extension, boolean spreadsheet) {
			this.extension = extension;
			this.spreadsheet = spreadsheet;
		}

	}

	/**
	 * A data row as the spreadsheet shows it and what must become of it.
	 *
	 * @param words what the rejection reasons must contain (empty: any reason)
	 * @param warning the warning an accepted row must carry, or null
	 * @param what how the row was made, for failure messages
	 */
	record ExpectedRow(int rowNumber, Outcome outcome, List<String> words, Warning warning, String what) {
	}

	/**
	 * One upload and its expected reconciliation.
	 *
	 * @param fileName the path inside the township folder, as upload_file stores it
	 */
	record ExpectedFile(String folder, String fileName, String townshipCode, Format format, List<ExpectedRow> rows,
			int blankRows) {

		int rowsRead() {
			return this.rows.size() + this.blankRows;
		}

		int count(Outcome outcome) {
			return (int) this.rows.stream().filter((row) -> row.outcome() == outcome).count();
		}

		int warned() {
			return (int) this.rows.stream().filter((row) -> row.warning() != null).count();
		}

		@Override
		public String toString() {
			return this.folder + "/" + this.fileName + " (" + this.format + ")";
		}

	}

	/**
	 * A generated night.
	 *
	 * @param hazardsByTownship distinct hazards per township code, those with at least
	 * one accepted row
	 * @param ignored files that are no uploads (lock and system files), relative to the
	 * date folder
	 */
	record Night(long seed, LocalDate date, List<ExpectedFile> files, Map<String, Integer> hazardsByTownship,
			List<String> ignored) {

		int hazards() {
			return this.hazardsByTownship.values().stream().mapToInt(Integer::intValue).sum();
		}

		int rows() {
			return this.files.stream().mapToInt(ExpectedFile::rowsRead).sum();
		}

	}

	private final Random random;

	private final Registry registry;

	private final LocalDate date;

	private final Path dateFolder;

	private final Map<String, TownshipLedger> ledgers = new LinkedHashMap<>();

	private final List<ExpectedFile> files = new ArrayList<>();

	private final List<String> ignored = new ArrayList<>();

	private final List<Defect> defects = new ArrayList<>();

	private final List<Warning> warnings = new ArrayList<>();

	private int nextHazardId;

	private MessyLedgers(long seed, Registry registry, LocalDate date, Path inbox) {
		this.random = new Random(seed);
		this.registry = registry;
		this.date = date;
		this.dateFolder = inbox.resolve(date.toString());
	}

	/**
	 * Writes a night of 20 to 40 uploads under {@code inbox/<date>/}.
	 */
	static Night write(long seed, Registry registry, LocalDate date, Path inbox) {
		MessyLedgers night = new MessyLedgers(seed, registry, date, inbox);
		try {
			night.writeNight();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		Map<String, Integer> hazards = new TreeMap<>();
		night.ledgers.values()
			.stream()
			.filter((ledger) -> !ledger.counted.isEmpty())
			.forEach((ledger) -> hazards.put(ledger.township.code(), ledger.counted.size()));
		return new Night(seed, date, List.copyOf(night.files), hazards, List.copyOf(night.ignored));
	}

	private void writeNight() throws IOException {
		List<Township> townships = new ArrayList<>(this.registry.townships());
		Collections.shuffle(townships, this.random);
		List<Township> uploaders = townships.subList(0, 8 + this.random.nextInt(7));
		int fileCount = 20 + this.random.nextInt(15);
		List<Township> order = new ArrayList<>(uploaders);
		while (order.size() < fileCount) {
			order.add(uploaders.get(this.random.nextInt(uploaders.size())));
		}
		Collections.shuffle(order, this.random);
		// One or two big streamed workbooks, then every format once, then any.
		List<Format> formats = new ArrayList<>(Collections.nCopies(1 + this.random.nextInt(2), Format.XLSX_STREAMING));
		formats.addAll(List.of(Format.XLSX, Format.XLS, Format.CSV_UTF8, Format.CSV_UTF8_BOM, Format.CSV_GBK));
		for (int i = 0; i < order.size(); i++) {
			TownshipLedger ledger = ledger(order.get(i));
			Format format = (i < formats.size()) ? formats.get(i) : format();
			int size = (format == Format.XLSX_STREAMING) ? 150 + this.random.nextInt(200) : 4 + this.random.nextInt(40);
			writeFile(ledger, format, size);
		}
		writeIgnoredFiles();
	}

	private Format format() {
		int roll = this.random.nextInt(100);
		if (roll < 30) {
			return Format.XLSX;
		}
		if (roll < 52) {
			return Format.XLS;
		}
		if (roll < 66) {
			return Format.CSV_UTF8_BOM;
		}
		if (roll < 80) {
			return Format.CSV_UTF8;
		}
		return Format.CSV_GBK;
	}

	private TownshipLedger ledger(Township township) {
		return this.ledgers.computeIfAbsent(township.code(),
				(code) -> new TownshipLedger(township,
						this.registry.villages().stream().filter((v) -> v.townshipCode().equals(code)).toList(),
						folderName(township), 10 + this.random.nextInt(900)));
	}

	/** The township folder: by registered name mostly, else by code or alias. */
	private String folderName(Township township) {
		int roll = this.random.nextInt(10);
		if (roll < 6 || township.aliases().isEmpty() && roll < 8) {
			return township.name();
		}
		if (roll < 8) {
			return pick(township.aliases());
		}
		return township.code();
	}

	// --- one file

	private void writeFile(TownshipLedger ledger, Format format, int size) throws IOException {
		Layout layout = layout(ledger.township, format);
		List<Line> lines = lines(ledger, layout, size);
		PlacedSheet sheet = place(ledger, layout, lines);
		String folder = ledger.folder;
		if (this.random.nextInt(12) == 0 && !ledger.township.aliases().isEmpty()) {
			// A second folder naming the same township, by another of its names.
			folder = pick(List.of(ledger.township.name(), ledger.township.code(), pick(ledger.township.aliases())));
		}
		String fileName = fileName(ledger, layout);
		Path file = this.dateFolder.resolve(folder).resolve(fileName);
		Files.createDirectories(file.getParent());
		Format written = format.spreadsheet ? writeWorkbook(layout, sheet, file) : writeCsv(layout, sheet, file);
		this.files
			.add(new ExpectedFile(folder, fileName, ledger.township.code(), written, sheet.expected, sheet.blankRows));
	}

	private String fileName(TownshipLedger ledger, Layout layout) {
		String base = switch (this.random.nextInt(6)) {
			case 0 -> ledger.township.name() + "隐患台账" + this.date.format(DateTimeFormatter.ofPattern("M月d日"));
			case 1 -> "消防安全隐患排查整治台账（" + ledger.township.name() + "）";
			case 2 -> this.date.format(DateTimeFormatter.BASIC_ISO_DATE) + "-台账";
			case 3 -> "双月攻坚台账 (" + (1 + this.random.nextInt(3)) + ")";
			case 4 -> "补报/新增隐患";
			default -> "台账" + this.date.format(DateTimeFormatter.ofPattern("MMdd"));
		};
		String name = base + layout.format.extension;
		for (int n = 2; !ledger.fileNames.add(name); n++) {
			name = base + "-" + n + layout.format.extension;
		}
		return name;
	}

	// --- layout

	private Layout layout(Township township, Format format) {
		Layout layout = new Layout(format);
		List<Field> fields = new ArrayList<>(List.of(Field.TOWNSHIP, Field.VILLAGE, Field.CATEGORY, Field.ADDRESS,
				Field.HAZARD, Field.FOUND_ON, Field.STATUS, Field.RECTIFIED_ON));
		if (township.isZone() && this.random.nextInt(10) < 4) {
			fields.remove(Field.VILLAGE);
		}
		if (this.random.nextBoolean()) {
			fields.add(0, Field.REF);
		}
		if (this.random.nextInt(10) < 7) {
			fields.add(fields.indexOf(Field.ADDRESS), Field.PREMISES);
		}
		if (this.random.nextInt(10) < 6) {
			fields.add(Field.INSPECTOR);
		}
		if (this.random.nextInt(10) < 7) {
			fields.add(Field.CONTACT);
		}
		if (this.random.nextInt(10) < 3) {
			Collections.shuffle(fields, this.random);
		}
		else if (this.random.nextBoolean()) {
			int a = this.random.nextInt(fields.size());
			int b = this.random.nextInt(fields.size());
			Collections.swap(fields, a, b);
		}
		for (Field field : fields) {
			layout.columns.add(new Column(field, label(field)));
		}
		int extras = this.random.nextInt(3);
		List<String> extraLabels = new ArrayList<>(EXTRA_COLUMNS);
		Collections.shuffle(extraLabels, this.random);
		for (int i = 0; i < extras; i++) {
			layout.columns.add(this.random.nextInt(layout.columns.size() + 1), new Column(null, extraLabels.get(i)));
		}
		if (this.random.nextInt(10) < 6) {
			layout.columns.add(0, new Column(null, "序号"));
		}
		int titles = this.random.nextInt(4);
		if (titles > 0) {
			layout.titleRows.add("永康市消防安全隐患排查整治台账（" + township.name() + "）");
		}
		if (titles > 1) {
			layout.titleRows.add("填报单位：" + township.name() + "　填报日期：" + chinese(this.date));
		}
		if (titles > 2) {
			layout.titleRows.add("（截至" + this.date.getMonthValue() + "月" + this.date.getDayOfMonth() + "日，累计台账）");
		}
		layout.spacer = this.random.nextInt(5) == 0;
		layout.dateStyle = this.random.nextInt(format.spreadsheet ? 10 : 6);
		layout.variants = this.random.nextInt(10) < 4;
		if (format.spreadsheet) {
			layout.merge = !township.isZone() && layout.has(Field.VILLAGE) && this.random.nextInt(10) < 4;
			layout.notesSheet = this.random.nextInt(10) < 3;
			layout.summarySheet = this.random.nextInt(10) < 2;
			layout.ledgerHidden = layout.notesSheet && this.random.nextInt(10) < 2;
			layout.hiddenOldLedger = !layout.ledgerHidden && this.random.nextInt(10) < 2;
			// A visible backup with a header is rightly read before a hidden ledger.
			layout.backupSheet = !layout.ledgerHidden && this.random.nextInt(10) < 2;
			layout.phonesAsNumbers = this.random.nextBoolean();
		}
		return layout;
	}

	/** A header label: the template's or an alias, sometimes marked, spaced or folded. */
	private String label(Field field) {
		String label = (this.random.nextInt(10) < 6) ? field.labels.get(0) : pick(field.labels);
		return switch (this.random.nextInt(12)) {
			case 0 -> "*" + label;
			case 1 -> "＊" + label;
			case 2 -> label + "*";
			case 3 -> label + "（必填）";
			case 4 -> label.replace('（', '(').replace('）', ')');
			case 5 -> (label.length() > 1) ? label.charAt(0) + " " + label.substring(1) : label;
			case 6 -> (label.length() > 2) ? label.substring(0, 2) + "\n" + label.substring(2) : label;
			case 7 -> " " + label + "　";
			default -> label;
		};
	}

	// --- rows

	private List<Line> lines(TownshipLedger ledger, Layout layout, int size) {
		List<DataLine> data = new ArrayList<>();
		List<Hazard> inFile = new ArrayList<>();
		for (int i = 0; i < size; i++) {
			int roll = this.random.nextInt(100);
			List<Hazard> earlier = ledger.hazards.stream()
				.filter((h) -> !inFile.contains(h) && (h.ref == null || layout.has(Field.REF)))
				.toList();
			if (roll < 8 && !inFile.isEmpty()) {
				data.add(accepted(ledger, layout, pick(inFile), null, "repeated in the file"));
			}
			else if (roll < 20 && !earlier.isEmpty()) {
				Hazard hazard = pick(earlier);
				inFile.add(hazard);
				data.add(accepted(ledger, layout, hazard, null, "repeated from an earlier file"));
			}
			else if (roll < 34) {
				data.add(rejected(ledger, layout));
			}
			else if (roll < 39) {
				data.add(ofAnotherTownship(ledger, layout));
			}
			else if (roll < 47) {
				Warning warning = nextWarning(ledger.township, layout);
				Hazard hazard = newHazard(ledger, layout);
				inFile.add(hazard);
				data.add(accepted(ledger, layout, hazard, warning, "new, with a warning"));
			}
			else {
				Hazard hazard = newHazard(ledger, layout);
				inFile.add(hazard);
				data.add(accepted(ledger, layout, hazard, null, "new"));
			}
		}
		if (layout.merge) {
			// Clerks who merge village cells keep the rows of a village together.
			data.sort((a, b) -> Objects.compare(a.village(layout), b.village(layout),
					(x, y) -> x == null ? (y == null ? 0 : 1) : (y == null ? -1 : x.compareTo(y))));
		}
		List<Line> lines = new ArrayList<>(data);
		int blanks = this.random.nextInt(Math.max(2, size / 6));
		for (int i = 0; i < blanks; i++) {
			lines.add(this.random.nextInt(lines.size() + 1), blank(layout));
		}
		int trailing = this.random.nextInt(5);
		for (int i = 0; i < trailing; i++) {
			lines.add(blank(layout));
		}
		if (this.random.nextInt(5) == 0) {
			lines.add(new FooterLine("填表人：" + name() + "　审核人：" + name() + "　联系电话：0579-87" + digits(6)));
		}
		return lines;
	}

	private BlankLine blank(Layout layout) {
		int roll = this.random.nextInt(5);
		if (roll == 3 && layout.columns.get(0).field == null && "序号".equals(layout.columns.get(0).label)) {
			return new BlankLine(Blank.SERIAL_ONLY);
		}
		if (roll == 4 && layout.columns.stream().anyMatch((c) -> c.field == null && !"序号".equals(c.label))) {
			return new BlankLine(Blank.REMARK_ONLY);
		}
		return new BlankLine(switch (roll) {
			case 0 -> Blank.UNTOUCHED;
			case 1 -> Blank.BORDERED;
			default -> Blank.SPACES;
		});
	}

	private Hazard newHazard(TownshipLedger ledger, Layout layout) {
		Hazard hazard = hazardOf(ledger, layout.has(Field.REF) && this.random.nextInt(10) < 6);
		ledger.hazards.add(hazard);
		return hazard;
	}

	/** A hazard of the township, not yet in any row. */
	private Hazard hazardOf(TownshipLedger ledger, boolean withRef) {
		Village village = ledger.villages.isEmpty() ? null : pick(ledger.villages);
		String category = pick(CATEGORIES);
		int number = ledger.nextNumber++;
		String ref = withRef ? ledger.refPrefix + "-" + String.format(Locale.ROOT, "%04d", number) : null;
		String premises = (this.random.nextInt(4) == 0) ? null : pick(SURNAMES) + "某" + pick(PREMISES);
		LocalDate foundOn = CAMPAIGN_START
			.plusDays(this.random.nextInt((int) ChronoUnit.DAYS.between(CAMPAIGN_START, this.date) + 1));
		return new Hazard(this.nextHazardId++, ledger.township, village, category, ref, premises, pick(ROADS), number,
				pick(HAZARDS), foundOn, name(), phone());
	}

	private DataLine accepted(TownshipLedger ledger, Layout layout, Hazard hazard, Warning warning, String what) {
		Map<Field, Value> cells = render(ledger.township, layout, hazard);
		if (warning != null) {
			plantWarning(cells, warning, hazard, layout);
		}
		ledger.counted.add(hazard.id);
		return new DataLine(cells, Outcome.ACCEPTED, List.of(), warning, "hazard #" + hazard.id + " " + what
				+ (warning == null ? "" : " " + warning) + (hazard.ref == null ? "" : " ref " + hazard.ref));
	}

	private DataLine rejected(TownshipLedger ledger, Layout layout) {
		Defect defect = nextDefect(ledger.township, layout);
		boolean known = this.random.nextInt(10) < 3 && !ledger.hazards.isEmpty();
		Hazard hazard = known ? pick(ledger.hazards)
				: hazardOf(ledger, layout.has(Field.REF) && this.random.nextBoolean());
		Map<Field, Value> cells = render(ledger.township, layout, hazard);
		List<String> words = new ArrayList<>(defect.words);
		plantDefect(cells, defect, hazard, ledger.township, layout);
		if (defect == Defect.VILLAGE_ELSEWHERE) {
			words.add("不属于" + ledger.township.name());
		}
		return new DataLine(cells, Outcome.REJECTED, words, null,
				defect + " on " + (known ? "known " : "") + "hazard #" + hazard.id);
	}

	private DataLine ofAnotherTownship(TownshipLedger ledger, Layout layout) {
		List<Township> others = new ArrayList<>(this.registry.townships());
		others.remove(ledger.township);
		Township other = pick(others);
		TownshipLedger otherLedger = new TownshipLedger(other,
				this.registry.villages().stream().filter((v) -> v.townshipCode().equals(other.code())).toList(), "",
				5000 + this.random.nextInt(1000));
		Hazard hazard = hazardOf(otherLedger, false);
		Map<Field, Value> cells = render(other, layout, hazard);
		return new DataLine(cells, Outcome.REJECTED,
				List.of("乡镇（街道）“", "与上传单位" + ledger.township.name() + "不符，请由" + other.name() + "自行上报"), null,
				"row of " + other.name());
	}

	private Defect nextDefect(Township township, Layout layout) {
		return draw(this.defects, Defect.values(), (defect) -> {
			boolean village = defect == Defect.VILLAGE_EMPTY || defect == Defect.VILLAGE_ELSEWHERE;
			return !village || !township.isZone() && layout.has(Field.VILLAGE);
		}, Defect.ADDRESS_EMPTY);
	}

	private Warning nextWarning(Township township, Layout layout) {
		return draw(this.warnings, Warning.values(), (warning) -> switch (warning) {
			case ODD_PHONE -> layout.has(Field.CONTACT);
			case ZONE_VILLAGE -> township.isZone() && layout.has(Field.VILLAGE) && !layout.merge;
			case RECTIFIED_ON_IGNORED -> true;
		}, Warning.RECTIFIED_ON_IGNORED);
	}

	/**
	 * The first value of the bag that this row can have, taken out; an empty bag is
	 * refilled with every value, shuffled, so each kind comes up in turn.
	 */
	private <E> E draw(List<E> bag, E[] all, Predicate<E> possible, E fallback) {
		if (bag.isEmpty()) {
			bag.addAll(List.of(all));
			Collections.shuffle(bag, this.random);
		}
		for (int i = 0; i < bag.size(); i++) {
			if (possible.test(bag.get(i))) {
				return bag.remove(i);
			}
		}
		return fallback;
	}

	/**
	 * The cells of a valid row for the hazard, in one of the forms clerks write; its
	 * status is drawn anew for each row (a later row updates the hazard).
	 */
	private Map<Field, Value> render(Township township, Layout layout, Hazard hazard) {
		Map<Field, Value> cells = new EnumMap<>(Field.class);
		boolean vary = layout.variants || this.random.nextInt(4) == 0;
		cells.put(Field.REF, text(hazard.ref == null ? null : vary ? refVariant(hazard.ref) : hazard.ref));
		cells.put(Field.TOWNSHIP, text(vary ? townshipVariant(township) : township.name()));
		if (hazard.village != null) {
			cells.put(Field.VILLAGE,
					text(vary && !layout.merge ? villageVariant(township, hazard.village) : hazard.village.name()));
		}
		List<String> words = CATEGORY_WORDS.get(hazard.category);
		cells.put(Field.CATEGORY, text(vary ? pick(words) : words.get(0)));
		cells.put(Field.PREMISES, text(hazard.premises));
		cells.put(Field.ADDRESS, text(vary ? addressVariant(township, hazard) : hazard.address()));
		cells.put(Field.HAZARD, text(vary ? descriptionVariant(hazard.description) : hazard.description));
		cells.put(Field.FOUND_ON, date(hazard.foundOn, layout));
		int status = this.random.nextInt(3);
		if (status == 0) {
			LocalDate rectifiedOn = hazard.foundOn
				.plusDays(this.random.nextInt((int) ChronoUnit.DAYS.between(hazard.foundOn, this.date) + 1));
			cells.put(Field.STATUS, text(vary ? pick(List.of("已整改", "是", "已完成", " 已整改 ")) : "已整改"));
			cells.put(Field.RECTIFIED_ON, date(rectifiedOn, layout));
		}
		else if (status == 1) {
			cells.put(Field.STATUS, text(vary ? pick(List.of("未整改", "否", "未 整改")) : "未整改"));
		}
		else {
			cells.put(Field.STATUS, text("整改中"));
		}
		cells.put(Field.INSPECTOR, text(hazard.inspector));
		cells.put(Field.CONTACT, phone(hazard.phone, layout));
		return cells;
	}

	private void plantWarning(Map<Field, Value> cells, Warning warning, Hazard hazard, Layout layout) {
		switch (warning) {
			case ODD_PHONE -> cells.put(Field.CONTACT, pick(List.of(text("1381234567"), text("无"), text("0579-8712"),
					layout.format.spreadsheet ? new NumberCell(57987123456d, null) : text("57987123456"))));
			case RECTIFIED_ON_IGNORED -> {
				cells.put(Field.STATUS, text(pick(List.of("未整改", "整改中"))));
				cells.put(Field.RECTIFIED_ON,
						date(hazard.foundOn.plusDays(
								this.random.nextInt((int) ChronoUnit.DAYS.between(hazard.foundOn, this.date) + 1)),
								layout));
			}
			case ZONE_VILLAGE -> cells.put(Field.VILLAGE, text(pick(List.of("园区一期", "东区片", "科技园", "工业园A区"))));
		}
	}

	private void plantDefect(Map<Field, Value> cells, Defect defect, Hazard hazard, Township township, Layout layout) {
		switch (defect) {
			case TOWNSHIP_EMPTY -> cells.remove(Field.TOWNSHIP);
			case TOWNSHIP_UNKNOWN -> cells.put(Field.TOWNSHIP, text(pick(List.of("城南街道", "义乌市稠城街道", "永康市城南新区"))));
			case VILLAGE_EMPTY -> cells.remove(Field.VILLAGE);
			case VILLAGE_ELSEWHERE -> cells.put(Field.VILLAGE, text(villageElsewhere(township)));
			case CATEGORY_EMPTY -> cells.remove(Field.CATEGORY);
			case CATEGORY_UNKNOWN -> cells.put(Field.CATEGORY, text(pick(List.of("工业厂房", "仓库", "其他", "民房"))));
			case ADDRESS_EMPTY -> cells.remove(Field.ADDRESS);
			case HAZARD_EMPTY -> cells.remove(Field.HAZARD);
			case FOUND_EMPTY -> cells.remove(Field.FOUND_ON);
			case FOUND_UNREADABLE -> cells.put(Field.FOUND_ON, text(pick(List.of("10月4日", "待定", "22/9/15"))));
			case FOUND_IMPOSSIBLE -> cells.put(Field.FOUND_ON, text(pick(List.of("2022-13-05", "2022.9.31"))));
			case FOUND_LATE -> {
				cells.put(Field.FOUND_ON, date(this.date.plusDays(1 + this.random.nextInt(20)), layout));
				cells.put(Field.STATUS, text("未整改"));
				cells.remove(Field.RECTIFIED_ON);
			}
			case STATUS_EMPTY -> {
				cells.remove(Field.STATUS);
				cells.remove(Field.RECTIFIED_ON);
			}
			case STATUS_UNKNOWN -> {
				cells.put(Field.STATUS, text(pick(List.of("部分整改", "待复查", "已处理", "整改完毕"))));
				cells.remove(Field.RECTIFIED_ON);
			}
			case RECTIFIED_UNREADABLE -> {
				cells.put(Field.STATUS, text("已整改"));
				cells.put(Field.RECTIFIED_ON, text(pick(List.of("不详", "10月5日", "上周"))));
			}
			case RECTIFIED_IMPOSSIBLE -> {
				cells.put(Field.STATUS, text("已整改"));
				cells.put(Field.RECTIFIED_ON, text(pick(List.of("2022-02-30", "2022年9月31日"))));
			}
			case RECTIFIED_LATE -> {
				cells.put(Field.STATUS, text("已整改"));
				cells.put(Field.RECTIFIED_ON, date(this.date.plusDays(1 + this.random.nextInt(10)), layout));
			}
			case RECTIFIED_MISSING -> {
				cells.put(Field.STATUS, text("已整改"));
				cells.remove(Field.RECTIFIED_ON);
			}
			case RECTIFIED_BEFORE_FOUND -> {
				LocalDate foundOn = CAMPAIGN_START
					.plusDays(10 + this.random.nextInt((int) ChronoUnit.DAYS.between(CAMPAIGN_START, this.date) - 9));
				cells.put(Field.FOUND_ON, date(foundOn, layout));
				cells.put(Field.STATUS, text("已整改"));
				cells.put(Field.RECTIFIED_ON, date(foundOn.minusDays(1 + this.random.nextInt(9)), layout));
			}
		}
	}

	/**
	 * A village of another township whose name, with or without its suffix, names none of
	 * this township's villages.
	 */
	private String villageElsewhere(Township township) {
		Set<String> own = this.registry.villages()
			.stream()
			.filter((v) -> v.townshipCode().equals(township.code()))
			.flatMap((v) -> Stream.concat(Stream.of(v.name()), v.aliases().stream()))
			.map(MessyLedgers::core)
			.collect(Collectors.toSet());
		List<Village> elsewhere = this.registry.villages()
			.stream()
			.filter((v) -> !v.townshipCode().equals(township.code()) && !own.contains(core(v.name())))
			.filter((v) -> township.aliases().stream().noneMatch((a) -> v.name().startsWith(a)))
			.filter((v) -> !v.name().startsWith(township.name()))
			.toList();
		return pick(elsewhere).name();
	}

	private static String core(String name) {
		return name.replaceAll("(村民委员会|居民委员会|村委会|居委会|社区|村)$", "");
	}

	// --- cell forms

	private String townshipVariant(Township township) {
		List<String> forms = new ArrayList<>(List.of(township.name(), "永康市" + township.name(), township.code(),
				fullWidth(township.code()), township.name().charAt(0) + " " + township.name().substring(1)));
		forms.addAll(township.aliases());
		return pick(forms);
	}

	private String villageVariant(Township township, Village village) {
		List<String> forms = new ArrayList<>(List.of(village.name(), township.name() + village.name(),
				village.name().charAt(0) + "　" + village.name().substring(1)));
		forms.addAll(village.aliases());
		return pick(forms);
	}

	private String addressVariant(Township township, Hazard hazard) {
		return switch (this.random.nextInt(5)) {
			case 0 -> fullWidth(hazard.address());
			case 1 -> hazard.road + " " + hazard.number + "号";
			case 2 -> "永康市" + township.name() + hazard.address();
			case 3 -> hazard.address() + "。";
			default -> hazard.address();
		};
	}

	private String descriptionVariant(String description) {
		return switch (this.random.nextInt(4)) {
			case 0 -> description.replace("，", ",");
			case 1 -> description.substring(0, 2) + " " + description.substring(2) + "　";
			case 2 -> description + "。";
			default -> description;
		};
	}

	private String refVariant(String ref) {
		return switch (this.random.nextInt(4)) {
			case 0 -> ref.toLowerCase(Locale.ROOT);
			case 1 -> fullWidth(ref);
			case 2 -> " " + ref + " ";
			default -> ref;
		};
	}

	/**
	 * ASCII letters, digits and the hyphen in their full-width forms, as NFKC folds back.
	 */
	private static String fullWidth(String text) {
		StringBuilder out = new StringBuilder(text.length());
		for (char c : text.toCharArray()) {
			out.append((c >= '!' && c <= '~') ? (char) (c - '!' + '！') : c);
		}
		return out.toString();
	}

	private Value date(LocalDate date, Layout layout) {
		int style = (this.random.nextInt(10) < 7) ? layout.dateStyle
				: this.random.nextInt(layout.format.spreadsheet ? 10 : 6);
		long serial = ChronoUnit.DAYS.between(EXCEL_EPOCH, date);
		return switch (style) {
			case 0 -> text(date.toString());
			case 1 -> text(date.getYear() + "/" + date.getMonthValue() + "/" + date.getDayOfMonth());
			case 2 -> text(date.getYear() + "." + date.getMonthValue() + "." + date.getDayOfMonth());
			case 3 -> text(date.format(DateTimeFormatter.BASIC_ISO_DATE));
			case 4 -> text(chinese(date));
			case 5 -> text(pick(
					List.of(date + " 09:30", String.valueOf(serial), " " + date + " ", fullWidth(date.toString()))));
			case 6 -> new NumberCell(serial, null);
			case 7 -> new NumberCell(Double.parseDouble(date.format(DateTimeFormatter.BASIC_ISO_DATE)), null);
			default -> {
				String format = pick(DATE_FORMATS);
				yield new DateCell(
						format.contains("hh") ? date.atTime(9 + this.random.nextInt(8), 30) : date.atStartOfDay(),
						format);
			}
		};
	}

	private Value phone(String mobile, Layout layout) {
		if (layout.phonesAsNumbers && this.random.nextInt(10) < 8) {
			return new NumberCell(Double.parseDouble(mobile), this.random.nextBoolean() ? "0" : null);
		}
		return text(switch (this.random.nextInt(8)) {
			case 0 -> mobile.substring(0, 3) + " " + mobile.substring(3, 7) + " " + mobile.substring(7);
			case 1 -> "+86 " + mobile;
			case 2 -> "0579-87" + mobile.substring(5);
			case 3 -> mobile + "、0579-87" + mobile.substring(5);
			default -> mobile;
		});
	}

	private static String chinese(LocalDate date) {
		return date.getYear() + "年" + date.getMonthValue() + "月" + date.getDayOfMonth() + "日";
	}

	private String name() {
		return pick(SURNAMES) + pick(GIVEN);
	}

	private String phone() {
		return "1" + pick(List.of("3", "5", "7", "8", "9")) + digits(9);
	}

	private String digits(int count) {
		StringBuilder out = new StringBuilder();
		for (int i = 0; i < count; i++) {
			out.append(this.random.nextInt(10));
		}
		return out.toString();
	}

	private <T> T pick(List<T> list) {
		return list.get(this.random.nextInt(list.size()));
	}

	private static Value text(String value) {
		return (value == null) ? null : new Text(value);
	}

	// --- placing rows on the sheet, and what the pipeline must make of them

	private PlacedSheet place(TownshipLedger ledger, Layout layout, List<Line> lines) {
		PlacedSheet sheet = new PlacedSheet();
		int width = layout.columns.size();
		for (String title : layout.titleRows) {
			Map<Integer, Value> cells = new HashMap<>();
			cells.put(0, new Text(title));
			sheet.rows.add(new PlacedRow(cells, Blank.BORDERED));
			sheet.titleMerges.add(sheet.rows.size() - 1);
		}
		if (layout.spacer) {
			sheet.rows.add(new PlacedRow(Map.of(), Blank.UNTOUCHED));
		}
		Map<Integer, Value> header = new HashMap<>();
		for (int c = 0; c < width; c++) {
			header.put(c, new Text(layout.columns.get(c).label));
		}
		sheet.rows.add(new PlacedRow(header, null));
		int headerIndex = sheet.rows.size() - 1;
		int serial = 0;
		List<Object> outcomes = new ArrayList<>();
		for (Line line : lines) {
			Map<Integer, Value> cells = new HashMap<>();
			Blank blank = null;
			if (line instanceof DataLine data) {
				for (int c = 0; c < width; c++) {
					Column column = layout.columns.get(c);
					if (column.field != null && data.cells.get(column.field) != null) {
						cells.put(c, data.cells.get(column.field));
					}
					else if (column.field == null && "序号".equals(column.label)) {
						cells.put(c, new NumberCell(++serial, null));
					}
					else if (column.field == null && this.random.nextInt(3) == 0) {
						cells.put(c, new Text(pick(REMARKS)));
					}
				}
				outcomes.add(data);
			}
			else if (line instanceof BlankLine blankLine) {
				blank = blankLine.kind;
				switch (blank) {
					case SPACES -> {
						for (int c = 0; c < width; c++) {
							if (layout.columns.get(c).field != null && this.random.nextBoolean()) {
								cells.put(c, new Text(this.random.nextBoolean() ? " " : "　"));
							}
						}
					}
					case SERIAL_ONLY -> cells.put(0, new NumberCell(++serial, null));
					case REMARK_ONLY -> {
						for (int c = 0; c < width; c++) {
							if (layout.columns.get(c).field == null && !"序号".equals(layout.columns.get(c).label)) {
								cells.put(c, new Text(pick(List.of("以下空白", "此行作废", "无"))));
								break;
							}
						}
					}
					default -> {
					}
				}
				outcomes.add(null);
			}
			else if (line instanceof FooterLine footer) {
				cells.put(0, new Text(footer.text));
				outcomes.add((layout.columns.get(0).field != null) ? footer : null);
			}
			sheet.rows.add(new PlacedRow(cells, blank));
		}
		if (layout.merge) {
			mergeVillages(layout, sheet, headerIndex, lines);
		}
		int last = -1;
		for (int i = 0; i < outcomes.size(); i++) {
			if (outcomes.get(i) != null) {
				last = i;
			}
		}
		for (int i = 0; i <= last; i++) {
			int rowNumber = headerIndex + 2 + i;
			Object outcome = outcomes.get(i);
			if (outcome instanceof DataLine data) {
				sheet.expected.add(new ExpectedRow(rowNumber, data.outcome, data.words, data.warning, data.what));
			}
			else if (outcome instanceof FooterLine) {
				sheet.expected.add(new ExpectedRow(rowNumber, Outcome.REJECTED, List.of(), null,
						"footer line in ledger column " + layout.columns.get(0).field));
			}
			else {
				sheet.blankRows++;
			}
		}
		if (layout.hiddenOldLedger || layout.backupSheet) {
			// Rows of sheets the pipeline must not read: hazards that would count.
			for (int i = 0; i < 3; i++) {
				sheet.otherSheetRows.add(render(ledger.township, layout, hazardOf(ledger, false)));
			}
		}
		return sheet;
	}

	/**
	 * Merges each run of consecutive rows of one village (blank rows inside the run
	 * included), value in the first cell only, as clerks do.
	 */
	private void mergeVillages(Layout layout, PlacedSheet sheet, int headerIndex, List<Line> lines) {
		int column = layout.index(Field.VILLAGE);
		int start = -1;
		int end = -1;
		String village = null;
		for (int i = 0; i <= lines.size(); i++) {
			Line line = (i < lines.size()) ? lines.get(i) : null;
			if (line instanceof BlankLine) {
				continue;
			}
			String current = (line instanceof DataLine data) ? data.village(layout) : null;
			if (current != null && current.equals(village)) {
				end = i;
				continue;
			}
			if (village != null && end > start) {
				sheet.merges.add(new CellRangeAddress(headerIndex + 1 + start, headerIndex + 1 + end, column, column));
				for (int j = start + 1; j <= end; j++) {
					sheet.rows.get(headerIndex + 1 + j).cells.remove(column);
				}
			}
			village = current;
			start = i;
			end = i;
		}
	}

	// --- writing

	private Format writeWorkbook(Layout layout, PlacedSheet placed, Path file) throws IOException {
		try (Workbook workbook = switch (layout.format) {
			case XLS -> new HSSFWorkbook();
			case XLSX_STREAMING -> new SXSSFWorkbook(100);
			default -> new XSSFWorkbook();
		}) {
			if (workbook instanceof HSSFWorkbook hssf) {
				hssf.createInformationProperties();
			}
			Map<String, CellStyle> styles = new HashMap<>();
			List<Integer> hidden = new ArrayList<>();
			if (layout.notesSheet) {
				Sheet notes = workbook.createSheet("填表说明");
				String[] lines = { "填表说明", "1. 每个隐患填写一行，已整改的隐患请填写整改日期。", "2. 场所类型：居住出租房、沿街店铺、“三合一”企业。",
						"3. 每日17:00前上传。" };
				for (int i = 0; i < lines.length; i++) {
					notes.createRow(i).createCell(0).setCellValue(lines[i]);
				}
			}
			if (layout.summarySheet) {
				Sheet summary = workbook.createSheet("统计");
				Row header = summary.createRow(0);
				String[] labels = { "乡镇（街道）", "场所类型", "排查日期", "隐患数" };
				for (int i = 0; i < labels.length; i++) {
					header.createCell(i).setCellValue(labels[i]);
				}
				Row row = summary.createRow(1);
				row.createCell(0).setCellValue("合计");
				row.createCell(3).setCellValue(placed.expected.size());
			}
			if (layout.hiddenOldLedger) {
				otherLedgerSheet(workbook.createSheet("旧台账"), layout, placed, styles, workbook);
				hidden.add(workbook.getNumberOfSheets() - 1);
			}
			Sheet sheet = workbook
				.createSheet(layout.ledgerHidden ? "台账" : pick(List.of("PlacedSheet", "台账", "隐患台账", "汇总")));
			int ledgerIndex = workbook.getNumberOfSheets() - 1;
			if (layout.ledgerHidden) {
				hidden.add(ledgerIndex);
			}
			for (int r = 0; r < placed.rows.size(); r++) {
				PlacedRow placedRow = placed.rows.get(r);
				if (placedRow.blank == Blank.UNTOUCHED && placedRow.cells.isEmpty()) {
					continue;
				}
				Row row = sheet.createRow(r);
				int width = (placedRow.blank == Blank.BORDERED || placedRow.blank == null
						|| placedRow.blank == Blank.SPACES) ? layout.columns.size() : 0;
				for (int c = 0; c < width; c++) {
					row.createCell(c).setCellStyle(style(workbook, styles, "@"));
				}
				placedRow.cells.forEach((c, value) -> write(row.getCell(c) == null ? row.createCell(c) : row.getCell(c),
						value, workbook, styles));
			}
			for (int title : placed.titleMerges) {
				if (layout.columns.size() > 1) {
					sheet.addMergedRegion(new CellRangeAddress(title, title, 0, layout.columns.size() - 1));
				}
			}
			placed.merges.forEach(sheet::addMergedRegion);
			if (layout.backupSheet) {
				otherLedgerSheet(workbook.createSheet("备份"), layout, placed, styles, workbook);
			}
			for (int index : hidden) {
				workbook.setSheetHidden(index, true);
			}
			int active = 0;
			while (workbook.isSheetHidden(active)) {
				active++;
			}
			workbook.setActiveSheet(active);
			workbook.setSelectedTab(active);
			workbook.setFirstVisibleTab(active);
			try (OutputStream out = Files.newOutputStream(file)) {
				workbook.write(out);
			}
		}
		return layout.format;
	}

	/** A sheet with the ledger's header and rows that must not be read. */
	private void otherLedgerSheet(Sheet sheet, Layout layout, PlacedSheet placed, Map<String, CellStyle> styles,
			Workbook workbook) {
		Row header = sheet.createRow(0);
		for (int c = 0; c < layout.columns.size(); c++) {
			header.createCell(c).setCellValue(layout.columns.get(c).label);
		}
		for (int r = 0; r < placed.otherSheetRows.size(); r++) {
			Row row = sheet.createRow(r + 1);
			Map<Field, Value> cells = placed.otherSheetRows.get(r);
			for (int c = 0; c < layout.columns.size(); c++) {
				Field field = layout.columns.get(c).field;
				if (field != null && cells.get(field) != null) {
					write(row.createCell(c), cells.get(field), workbook, styles);
				}
			}
		}
	}

	private static void write(Cell cell, Value value, Workbook workbook, Map<String, CellStyle> styles) {
		if (value instanceof Text text) {
			cell.setCellValue(text.value);
		}
		else if (value instanceof NumberCell number) {
			cell.setCellValue(number.value);
			cell.setCellStyle(style(workbook, styles, number.format == null ? "General" : number.format));
		}
		else if (value instanceof DateCell date) {
			cell.setCellValue(date.value);
			cell.setCellStyle(style(workbook, styles, date.format));
		}
	}

	private static CellStyle style(Workbook workbook, Map<String, CellStyle> styles, String format) {
		return styles.computeIfAbsent(format, (f) -> {
			CellStyle style = workbook.createCellStyle();
			style.setDataFormat(workbook.createDataFormat().getFormat(f));
			return style;
		});
	}

	private Format writeCsv(Layout layout, PlacedSheet placed, Path file) throws IOException {
		StringWriter text = new StringWriter();
		try (CSVPrinter printer = new CSVPrinter(text, CSVFormat.EXCEL)) {
			for (PlacedRow row : placed.rows) {
				if (row.blank == Blank.UNTOUCHED) {
					text.write("\r\n");
					continue;
				}
				List<String> values = new ArrayList<>();
				for (int c = 0; c < layout.columns.size(); c++) {
					Value value = row.cells.get(c);
					values.add((value == null) ? "" : csvText(value));
				}
				printer.printRecord(values);
			}
		}
		Format format = layout.format;
		if (format == Format.CSV_GBK && !GBK.newEncoder().canEncode(text.toString())) {
			format = Format.CSV_UTF8_BOM;
		}
		try (OutputStream out = Files.newOutputStream(file)) {
			if (format == Format.CSV_UTF8_BOM) {
				out.write(new byte[] { (byte) 0xEF, (byte) 0xBB, (byte) 0xBF });
			}
			out.write(text.toString().getBytes(format == Format.CSV_GBK ? GBK : StandardCharsets.UTF_8));
		}
		return format;
	}

	private static String csvText(Value value) {
		if (value instanceof Text text) {
			return text.value;
		}
		if (value instanceof NumberCell number) {
			return String.valueOf((long) number.value);
		}
		throw new IllegalStateException("a CSV has no date cells: " + value);
	}

	private void writeIgnoredFiles() throws IOException {
		List<String> folders = this.ledgers.values().stream().map((ledger) -> ledger.folder).toList();
		for (String name : List.of("~$台账.xlsx", ".DS_Store", "Thumbs.db", ".~lock.台账.xlsx#")) {
			if (this.random.nextBoolean()) {
				String relative = pick(folders) + "/" + name;
				Path file = this.dateFolder.resolve(relative);
				Files.createDirectories(file.getParent());
				byte[] bytes = new byte[165];
				this.random.nextBytes(bytes);
				Files.write(file, bytes);
				this.ignored.add(relative);
			}
		}
	}

	// --- model

	private static final class TownshipLedger {

		final Township township;

		final List<Village> villages;

		final String folder;

		final String refPrefix;

		final List<Hazard> hazards = new ArrayList<>();

		/** Hazards with an accepted row. */
		final Set<Integer> counted = new HashSet<>();

		final Set<String> fileNames = new HashSet<>();

		int nextNumber;

		TownshipLedger(Township township, List<Village> villages, String folder, int firstNumber) {
			this.township = township;
			this.villages = villages;
			this.folder = folder;
			this.refPrefix = "YK" + township.code().substring(6, 9);
			this.nextNumber = firstNumber;
		}

	}

	private record Hazard(int id, Township township, Village village, String category, String ref, String premises,
			String road, int number, String description, LocalDate foundOn, String inspector, String phone) {

		String address() {
			return this.road + this.number + "号";
		}

	}

	private sealed interface Value permits Text, NumberCell, DateCell {

	}

	private record Text(String value) implements Value {
	}

	/** A numeric cell; format null for General. */
	private record NumberCell(double value, String format) implements Value {
	}

	private record DateCell(LocalDateTime value, String format) implements Value {
	}

	private sealed interface Line permits DataLine, BlankLine, FooterLine {

	}

	private record DataLine(Map<Field, Value> cells, Outcome outcome, List<String> words, Warning warning,
			String what) implements Line {

		String village(Layout layout) {
			return (layout.has(Field.VILLAGE) && this.cells.get(Field.VILLAGE) instanceof Text text) ? text.value
					: null;
		}

	}

	private enum Blank {

		/** No cell at all (no row in a workbook, an empty line in a CSV). */
		UNTOUCHED,
		/** Formatted cells without values (a row of commas in a CSV). */
		BORDERED,
		/** Spaces in some ledger cells. */
		SPACES,
		/** Only the 序号 (a row numbered in advance). */
		SERIAL_ONLY,
		/** Only a remark in an extra column. */
		REMARK_ONLY

	}

	private record BlankLine(Blank kind) implements Line {
	}

	/** A note below the table, typed into its first column. */
	private record FooterLine(String text) implements Line {
	}

	/** A header column: a ledger field, or 序号 or an extra column (field null). */
	private record Column(Field field, String label) {
	}

	private static final class Layout {

		final Format format;

		final List<Column> columns = new ArrayList<>();

		final List<String> titleRows = new ArrayList<>();

		boolean spacer;

		int dateStyle;

		boolean variants;

		boolean merge;

		boolean notesSheet;

		boolean summarySheet;

		boolean hiddenOldLedger;

		boolean ledgerHidden;

		boolean backupSheet;

		boolean phonesAsNumbers;

		Layout(Format format) {
			this.format = format;
		}

		boolean has(Field field) {
			return index(field) >= 0;
		}

		int index(Field field) {
			for (int i = 0; i < this.columns.size(); i++) {
				if (this.columns.get(i).field == field) {
					return i;
				}
			}
			return -1;
		}

	}

	private record PlacedRow(Map<Integer, Value> cells, Blank blank) {
	}

	/** The ledger sheet as placed: its rows by index, merges, and the expectations. */
	private static final class PlacedSheet {

		final List<PlacedRow> rows = new ArrayList<>();

		final List<Integer> titleMerges = new ArrayList<>();

		final List<CellRangeAddress> merges = new ArrayList<>();

		final List<ExpectedRow> expected = new ArrayList<>();

		final List<Map<Field, Value>> otherSheetRows = new ArrayList<>();

		int blankRows;

	}

}
