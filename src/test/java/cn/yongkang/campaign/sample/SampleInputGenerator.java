package cn.yongkang.campaign.sample;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

import cn.yongkang.campaign.sample.LedgerLayouts.Layout;
import cn.yongkang.campaign.sample.LedgerLayouts.VillageColumn;

/**
 * Writes the committed sample inbox {@code sample-input/}: three nights (2022-10-02..04)
 * of hazard ledgers from all 16 units of Yongkang, shaped the way township clerks really
 * fill them in, and built so that the bulletin of 2022-10-04 reproduces the seed's
 * ranking and lagging paragraphs.
 * <p>
 * Everything comes from one seeded {@link Random}, so a run always writes the same files.
 * The generator recomputes the final figures from the rows it wrote and fails when they
 * differ from the tables below: an edit cannot silently break the bulletin. After
 * changing anything here, rerun it (see {@code sample-input/README.md});
 * {@code SampleInputGeneratorTests} fails until the committed files match.
 */
public final class SampleInputGenerator {

	static final long SEED = 20221004L;

	static final LocalDate CAMPAIGN_START = LocalDate.of(2022, 9, 1);

	static final LocalDate OCT_1 = LocalDate.of(2022, 10, 1);

	static final LocalDate OCT_2 = LocalDate.of(2022, 10, 2);

	static final LocalDate OCT_3 = LocalDate.of(2022, 10, 3);

	static final LocalDate OCT_4 = LocalDate.of(2022, 10, 4);

	static final List<LocalDate> INBOX_DATES = List.of(OCT_2, OCT_3, OCT_4);

	static final Path REGIONS = Path.of("jobs", "regions");

	// ---------------------------------------------------------------------------------------------
	// The figures of 2022-10-04: distinct hazards found / rectified. They decide the
	// rankings of the
	// bulletin, so they are data, not something that falls out of the random draws.
	// ---------------------------------------------------------------------------------------------

	enum Kind {

		RENTAL_HOUSING("居住出租房"), STREET_SHOP("沿街店铺"), THREE_IN_ONE("“三合一”企业");

		final String label;

		Kind(String label) {
			this.label = label;
		}

	}

	record Figure(String township, int found, int rectified) {

		int open() {
			return this.found - this.rectified;
		}

	}

	static final Map<Kind, List<Figure>> TOWNSHIP_FIGURES = Map.of(Kind.RENTAL_HOUSING,
			List.of(new Figure("东城街道", 150, 45), new Figure("古山镇", 120, 42), new Figure("西城街道", 110, 88),
					new Figure("龙山镇", 105, 40), new Figure("芝英镇", 95, 70), new Figure("江南街道", 90, 70),
					new Figure("唐先镇", 80, 56), new Figure("花街镇", 75, 61), new Figure("象珠镇", 70, 58),
					new Figure("方岩镇", 65, 55), new Figure("前仓镇", 60, 52), new Figure("西溪镇", 50, 49),
					new Figure("石柱镇", 40, 8), new Figure("现代农业装备高新区", 30, 27), new Figure("经济开发区", 25, 23),
					new Figure("舟山镇", 20, 19)),
			Kind.STREET_SHOP,
			List.of(new Figure("东城街道", 130, 110), new Figure("西城街道", 115, 106), new Figure("古山镇", 100, 80),
					new Figure("芝英镇", 90, 65), new Figure("龙山镇", 85, 60), new Figure("江南街道", 80, 32),
					new Figure("石柱镇", 75, 50), new Figure("花街镇", 70, 49), new Figure("方岩镇", 65, 40),
					new Figure("前仓镇", 60, 45), new Figure("象珠镇", 55, 25), new Figure("西溪镇", 50, 30),
					new Figure("经济开发区", 45, 40), new Figure("唐先镇", 30, 9), new Figure("现代农业装备高新区", 25, 25),
					new Figure("舟山镇", 20, 19)),
			Kind.THREE_IN_ONE,
			List.of(new Figure("芝英镇", 90, 75), new Figure("经济开发区", 80, 78), new Figure("古山镇", 70, 50),
					new Figure("东城街道", 60, 57), new Figure("西城街道", 55, 45), new Figure("龙山镇", 50, 35),
					new Figure("江南街道", 45, 30), new Figure("花街镇", 42, 32), new Figure("石柱镇", 40, 16),
					new Figure("方岩镇", 38, 13), new Figure("前仓镇", 35, 26), new Figure("象珠镇", 32, 8),
					new Figure("现代农业装备高新区", 30, 28), new Figure("唐先镇", 15, 9), new Figure("西溪镇", 12, 7),
					new Figure("舟山镇", 8, 6)));

	record VillageFigure(String township, String village, int found, int rectified) {
	}

	/**
	 * RENTAL_HOUSING figures of the villages and communities the seed names as lagging,
	 * in the seed's order. Every other village must stay off the lists: see
	 * {@link #staysOffLaggingList}.
	 */
	static final List<VillageFigure> LAGGING = List.of(new VillageFigure("龙山镇", "下宅口村", 7, 0),
			new VillageFigure("龙山镇", "环溪村", 6, 0), new VillageFigure("龙山镇", "后宅村", 5, 0),
			new VillageFigure("龙山镇", "同甫村", 4, 0), new VillageFigure("龙山镇", "茭杨村", 3, 0),
			new VillageFigure("龙山镇", "四路口上村", 8, 1), new VillageFigure("龙山镇", "东来村", 7, 1),
			new VillageFigure("龙山镇", "南新村", 6, 1), new VillageFigure("龙山镇", "吕南宅二村", 5, 1),
			new VillageFigure("龙山镇", "桥下东村", 4, 1), new VillageFigure("龙山镇", "吕南宅四村", 7, 2),
			new VillageFigure("芝英镇", "儒堂头村", 6, 2), new VillageFigure("芝英镇", "元溪村", 8, 3),
			new VillageFigure("江南街道", "栗园村", 5, 2), new VillageFigure("唐先镇", "尖山湾村", 7, 3),
			new VillageFigure("东城街道", "荆山夏村", 9, 4), new VillageFigure("东城街道", "大坟山沿村", 6, 3),
			new VillageFigure("东城街道", "长城村", 7, 4), new VillageFigure("东城街道", "长恬村", 5, 3),
			new VillageFigure("石柱镇", "前锦村", 8, 5), new VillageFigure("东城街道", "山川坛社区", 4, 0),
			new VillageFigure("东城街道", "平安社区", 5, 1), new VillageFigure("东城街道", "五金城社区", 4, 1),
			new VillageFigure("东城街道", "园丁社区", 3, 1), new VillageFigure("东城街道", "卫星社区", 5, 2));

	/**
	 * A village off the lagging lists: too few hazards to qualify (the campaign's
	 * min_found is 3), all fixed, or a rate of at least 2/3, above the worst listed rate
	 * (前锦村, 5/8).
	 */
	static boolean staysOffLaggingList(int found, int rectified) {
		int open = found - rectified;
		return found <= 2 || open == 0 || 2 * open <= rectified;
	}

	// ---------------------------------------------------------------------------------------------
	// Regions, read from the project's registry so that names and codes match what the
	// pipeline knows.
	// ---------------------------------------------------------------------------------------------

	record Township(String code, String name, List<String> aliases) {

		boolean isZone() {
			return this.code.contains("K");
		}

	}

	record Village(String code, String townshipCode, String name, String kind, String committeeName) {

		boolean isCommunity() {
			return "社区".equals(this.kind);
		}

	}

	record Regions(List<Township> townships, Map<String, List<Village>> villages) {

		List<Village> villagesOf(Township township) {
			return this.villages.getOrDefault(township.code(), List.of());
		}

		Village village(Township township, String name) {
			return villagesOf(township).stream()
				.filter((v) -> v.name().equals(name))
				.findFirst()
				.orElseThrow(() -> new IllegalStateException("no village " + name + " in " + township.name()));
		}

		static Regions load(Path dir) {
			List<Township> townships = new ArrayList<>();
			for (CSVRecord row : readCsv(dir.resolve("townships.csv"))) {
				townships.add(new Township(row.get("code"), row.get("name"), List.of(row.get("aliases").split("\\|"))));
			}
			Map<String, List<Village>> villages = new LinkedHashMap<>();
			for (CSVRecord row : readCsv(dir.resolve("villages.csv"))) {
				Village village = new Village(row.get("code"), row.get("township_code"), row.get("name"),
						row.get("kind"), row.get("aliases").split("\\|")[0]);
				villages.computeIfAbsent(village.townshipCode(), (code) -> new ArrayList<>()).add(village);
			}
			return new Regions(townships, villages);
		}

		private static List<CSVRecord> readCsv(Path file) {
			try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
				CSVFormat format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get();
				return format.parse(reader).getRecords();
			}
			catch (IOException ex) {
				throw new UncheckedIOException("cannot read " + file + " (run from the project folder)", ex);
			}
		}

	}

	// ---------------------------------------------------------------------------------------------
	// Hazards: what was found where, and what happened to it day by day.
	// ---------------------------------------------------------------------------------------------

	enum Status {

		OPEN("未整改"), IN_PROGRESS("整改中"), DONE("已整改");

		final String label;

		Status(String label) {
			this.label = label;
		}

	}

	/**
	 * The life of one hazard. {@code reopenedOn} models a regression (a fix that did not
	 * pass the review); {@code strayRectifiedOn} a date a clerk typed although the hazard
	 * is still open.
	 */
	record Timeline(LocalDate foundOn, LocalDate inProgressFrom, LocalDate rectifiedOn, LocalDate reopenedOn,
			LocalDate strayRectifiedOn) {

		Status status(LocalDate day) {
			boolean reopened = this.reopenedOn != null && !day.isBefore(this.reopenedOn);
			if (reopened) {
				return Status.OPEN;
			}
			if (this.rectifiedOn != null && !day.isBefore(this.rectifiedOn)) {
				return Status.DONE;
			}
			if (this.inProgressFrom != null && !day.isBefore(this.inProgressFrom)) {
				return Status.IN_PROGRESS;
			}
			return Status.OPEN;
		}

		LocalDate rectifiedOnShown(LocalDate day) {
			if (status(day) == Status.DONE) {
				return this.rectifiedOn;
			}
			return (this.strayRectifiedOn != null && !day.isBefore(this.strayRectifiedOn)) ? this.strayRectifiedOn
					: null;
		}

		boolean rectifiedAtEnd() {
			return this.rectifiedOn != null && this.reopenedOn == null;
		}

	}

	/**
	 * What the ledger says about the premises; stable across days (it makes up the
	 * identity).
	 */
	record Content(String premises, String address, String text, String inspector, String contact, String openNote,
			String doneNote) {
	}

	record Hazard(int seq, Township township, Village village, Kind kind, boolean committeeName, Content content,
			Timeline timeline) {

		Hazard with(Timeline timeline) {
			return new Hazard(this.seq, this.township, this.village, this.kind, this.committeeName, this.content,
					timeline);
		}

		Hazard withContact(String contact) {
			Content c = this.content;
			Content changed = new Content(c.premises(), c.address(), c.text(), c.inspector(), contact, c.openNote(),
					c.doneNote());
			return new Hazard(this.seq, this.township, this.village, this.kind, this.committeeName, changed,
					this.timeline);
		}

	}

	/** One hazard to create: where, and whether it ends up rectified by 2022-10-04. */
	record Slot(Village village, boolean rectified) {
	}

	// ---------------------------------------------------------------------------------------------
	// Uploads: the rows of one file, with notes on the rows that matter for the README.
	// ---------------------------------------------------------------------------------------------

	enum Note {

		REJECTED, WARNING, DUPLICATE, REGRESSION

	}

	/** One data row; {@code hazard} is null for a planted invalid row. */
	record LedgerRow(Hazard hazard, int serial, String ref, String townshipCell, String villageCell,
			String categoryCell, Kind kind, String premises, String address, String text, LocalDate foundOn,
			String status, LocalDate rectifiedOn, String inspector, String contact, String remark, Note note,
			String why) {

		LedgerRow noted(Note note, String why) {
			return new LedgerRow(this.hazard, this.serial, this.ref, this.townshipCell, this.villageCell,
					this.categoryCell, this.kind, this.premises, this.address, this.text, this.foundOn, this.status,
					this.rectifiedOn, this.inspector, this.contact, this.remark, note, why);
		}

		LedgerRow numbered(int serial) {
			return new LedgerRow(this.hazard, serial, this.ref, this.townshipCell, this.villageCell, this.categoryCell,
					this.kind, this.premises, this.address, this.text, this.foundOn, this.status, this.rectifiedOn,
					this.inspector, this.contact, this.remark, this.note, this.why);
		}

		/** Same cells (a repeated row), whatever the README notes say. */
		boolean sameCells(LedgerRow other) {
			return noted(null, null).numbered(0).equals(other.noted(null, null).numbered(0));
		}

	}

	/**
	 * A file of the inbox; {@code copyOf} set means the clerk re-sent that file
	 * unchanged.
	 */
	record Upload(LocalDate date, Township township, Layout layout, String fileName, LocalDate filledOn,
			List<LedgerRow> rows, Upload copyOf) {

		Path path() {
			return Path.of(this.date.toString(), this.layout.folder, this.fileName);
		}

		/** The row number as Excel shows it. */
		int rowNumber(LedgerRow row) {
			return this.layout.firstDataRow() + indexOf(this.rows, row);
		}

	}

	// ---------------------------------------------------------------------------------------------
	// Main
	// ---------------------------------------------------------------------------------------------

	public static void main(String[] args) throws IOException {
		Path out = Path.of(args.length > 0 ? args[0] : "sample-input");
		List<Upload> uploads = generate(out);
		System.out.println(summary(uploads));
	}

	/**
	 * Writes the inbox under {@code out} (replacing the dated folders and README it
	 * owns).
	 */
	static List<Upload> generate(Path out) throws IOException {
		Regions regions = Regions.load(REGIONS);
		Map<String, Layout> layouts = LedgerLayouts.layouts();
		Random random = new Random(SEED);
		LedgerTexts texts = new LedgerTexts(random);
		List<Hazard> hazards = createHazards(regions, layouts, texts, random);
		List<Upload> uploads = createUploads(regions, layouts, hazards, texts, random);
		checkRows(uploads);
		checkFigures(regions, uploads, hazards);
		write(out, uploads);
		return uploads;
	}

	// ---------------------------------------------------------------------------------------------
	// Hazards
	// ---------------------------------------------------------------------------------------------

	static List<Hazard> createHazards(Regions regions, Map<String, Layout> layouts, LedgerTexts texts, Random random) {
		List<Hazard> hazards = new ArrayList<>();
		for (Township township : regions.townships()) {
			Layout layout = layouts.get(township.name());
			List<Hazard> own = new ArrayList<>();
			for (Kind kind : Kind.values()) {
				Figure figure = figure(kind, township.name());
				List<Slot> slots = (kind == Kind.RENTAL_HOUSING) ? rentalSlots(regions, township, figure, random)
						: freeSlots(regions.villagesOf(township), figure, random);
				for (Slot slot : slots) {
					boolean committee = slot.village() != null && !slot.village().committeeName().isEmpty()
							&& random.nextDouble() < layout.committeeNames;
					Content content = texts.content(township, slot.village(), kind, layout.addressPrefix);
					Timeline timeline = timeline(random, slot.rectified(), township.name().equals("舟山镇"));
					own.add(new Hazard(0, township, slot.village(), kind, committee, content, timeline));
				}
			}
			// Interleave the categories: a ledger runs by date, not by category.
			Collections.shuffle(own, random);
			for (Hazard hazard : own) {
				hazards.add(new Hazard(hazards.size() + 1, hazard.township(), hazard.village(), hazard.kind(),
						hazard.committeeName(), hazard.content(), hazard.timeline()));
			}
		}
		hazards = plantRegression(hazards);
		hazards = plantWarnings(hazards);
		return hazards;
	}

	static Figure figure(Kind kind, String township) {
		return TOWNSHIP_FIGURES.get(kind)
			.stream()
			.filter((f) -> f.township().equals(township))
			.findFirst()
			.orElseThrow(() -> new IllegalStateException("no " + kind + " figure for " + township));
	}

	/**
	 * RENTAL_HOUSING: the lagging villages get their exact figures; the township's other
	 * hazards go to its other villages so that none of them can enter a lagging list.
	 * Open hazards beyond what villages with a rate of 2/3 can hold go two by two to
	 * villages too small to qualify; we search for the smallest number of such villages
	 * that makes it fit.
	 */
	static List<Slot> rentalSlots(Regions regions, Township township, Figure figure, Random random) {
		List<Slot> slots = new ArrayList<>();
		if (township.isZone()) {
			addSlots(slots, null, figure.found(), figure.rectified());
			return slots;
		}
		int found = figure.found();
		int rectified = figure.rectified();
		Set<String> lagging = new HashSet<>();
		for (VillageFigure v : LAGGING) {
			if (v.township().equals(township.name())) {
				addSlots(slots, regions.village(township, v.village()), v.found(), v.rectified());
				lagging.add(v.village());
				found -= v.found();
				rectified -= v.rectified();
			}
		}
		List<Village> others = new ArrayList<>(
				regions.villagesOf(township).stream().filter((v) -> !lagging.contains(v.name())).toList());
		Collections.shuffle(others, random);
		int open = found - rectified;
		for (int small = 0; small <= others.size(); small++) {
			int openInSmall = Math.min(open, 2 * small);
			if (openInSmall < small) {
				break; // every small village needs a hazard: more of them cannot help
			}
			Optional<List<int[]>> rated = spreadRated(rectified, open - openInSmall, others.size() - small, random);
			if (rated.isPresent()) {
				for (int i = 0; i < small; i++) {
					int count = Math.min(2, openInSmall - 2 * i);
					addSlots(slots, others.get(i), count, 0);
				}
				List<int[]> parts = rated.get();
				for (int i = 0; i < parts.size(); i++) {
					addSlots(slots, others.get(small + i), parts.get(i)[0] + parts.get(i)[1], parts.get(i)[0]);
				}
				return slots;
			}
		}
		throw new IllegalStateException("cannot spread " + township.name() + " RENTAL_HOUSING " + found + "/"
				+ rectified + " over " + others.size() + " villages without adding lagging ones");
	}

	/**
	 * Splits {@code rectified} fixed and {@code open} open hazards over at most
	 * {@code villages} villages, each with open <= rectified / 2. Fixed counts are kept
	 * even (two by two) so the capacity is floor(rectified / 2); returns {rectified,
	 * open} per village used.
	 */
	static Optional<List<int[]>> spreadRated(int rectified, int open, int villages, Random random) {
		if (open > rectified / 2 || (rectified > 0 && villages == 0)) {
			return Optional.empty();
		}
		if (rectified == 0) {
			return Optional.of(List.of());
		}
		int pairs = rectified / 2;
		// About four hazards a village, and no more villages than pairs of fixed hazards
		// to share.
		int used = Math.min(villages, Math.min(Math.max(pairs, 1), (int) Math.ceil((rectified + open) / 4.0)));
		int[][] parts = new int[used][2];
		for (int i = 0; i < used; i++) {
			parts[i][0] = 2 * (pairs / used);
		}
		List<Integer> order = shuffledIndexes(used, random);
		for (int i = 0; i < pairs % used; i++) {
			parts[order.get(i)][0] += 2;
		}
		parts[order.get(0)][0] += rectified % 2;
		for (int left = open; left > 0; left--) {
			int start = random.nextInt(used);
			for (int step = 0; step < used; step++) {
				int[] part = parts[(start + step) % used];
				if (2 * (part[1] + 1) <= part[0]) {
					part[1]++;
					break;
				}
			}
		}
		List<int[]> result = new ArrayList<>();
		for (int[] part : parts) {
			if (part[0] + part[1] > 0) {
				result.add(part);
			}
		}
		if (result.stream().mapToInt((p) -> p[1]).sum() != open) {
			return Optional.empty();
		}
		return Optional.of(result);
	}

	/** STREET_SHOP and THREE_IN_ONE: any village, as they come. */
	static List<Slot> freeSlots(List<Village> villages, Figure figure, Random random) {
		List<Village> active = new ArrayList<>(villages);
		Collections.shuffle(active, random);
		active = active.subList(0, (int) Math.ceil(active.size() * 0.7));
		List<Integer> fixed = shuffledIndexes(figure.found(), random).subList(0, figure.rectified());
		Set<Integer> fixedSet = new HashSet<>(fixed);
		List<Slot> slots = new ArrayList<>();
		for (int i = 0; i < figure.found(); i++) {
			Village village = active.isEmpty() ? null : active.get(random.nextInt(active.size()));
			slots.add(new Slot(village, fixedSet.contains(i)));
		}
		return slots;
	}

	private static void addSlots(List<Slot> slots, Village village, int found, int rectified) {
		for (int i = 0; i < found; i++) {
			slots.add(new Slot(village, i < rectified));
		}
	}

	private static List<Integer> shuffledIndexes(int size, Random random) {
		List<Integer> indexes = new ArrayList<>();
		for (int i = 0; i < size; i++) {
			indexes.add(i);
		}
		Collections.shuffle(indexes, random);
		return indexes;
	}

	/**
	 * Dates: mostly found in September, a few percent on 10-03 and 10-04 so that ledgers
	 * grow; a good share of the fixes land on 10-03 and 10-04 so that statuses change
	 * between the three nights. 舟山镇 re-sends its 10-02 file on 10-03, so nothing of it
	 * may happen on 10-03.
	 */
	static Timeline timeline(Random random, boolean rectified, boolean quietOnOct3) {
		double p = random.nextDouble();
		LocalDate foundOn;
		if (p < 0.04) {
			foundOn = OCT_4;
		}
		else if (p < 0.08) {
			foundOn = OCT_3;
		}
		else if (p < 0.11) {
			foundOn = random.nextBoolean() ? OCT_1 : OCT_2;
		}
		else {
			foundOn = CAMPAIGN_START.plusDays(random.nextInt(30));
		}
		LocalDate rectifiedOn = null;
		if (rectified) {
			rectifiedOn = (random.nextDouble() < 0.3) ? (random.nextBoolean() ? OCT_3 : OCT_4)
					: foundOn.plusDays(random.nextInt(15));
			rectifiedOn = latest(rectifiedOn, foundOn);
			rectifiedOn = rectifiedOn.isAfter(OCT_4) ? OCT_4 : rectifiedOn;
		}
		LocalDate inProgressFrom = null;
		LocalDate until = (rectifiedOn != null) ? rectifiedOn.minusDays(1) : OCT_4;
		if (!until.isBefore(foundOn) && random.nextDouble() < (rectified ? 0.25 : 0.5)) {
			inProgressFrom = foundOn.plusDays(random.nextInt((int) (until.toEpochDay() - foundOn.toEpochDay()) + 1));
		}
		if (quietOnOct3) {
			foundOn = OCT_3.equals(foundOn) ? OCT_4 : foundOn;
			rectifiedOn = OCT_3.equals(rectifiedOn) ? OCT_4 : rectifiedOn;
			inProgressFrom = OCT_3.equals(inProgressFrom) ? null : inProgressFrom;
		}
		if (inProgressFrom != null && (inProgressFrom.isBefore(foundOn)
				|| (rectifiedOn != null && !inProgressFrom.isBefore(rectifiedOn)))) {
			inProgressFrom = null;
		}
		return new Timeline(foundOn, inProgressFrom, rectifiedOn, null, null);
	}

	private static LocalDate latest(LocalDate a, LocalDate b) {
		return a.isAfter(b) ? a : b;
	}

	/**
	 * 古山镇 marks a STREET_SHOP hazard 已整改 on 10-03 and takes it back on 10-04 (the fix did
	 * not pass the review). It is one of the township's open hazards in the final
	 * figures.
	 */
	static List<Hazard> plantRegression(List<Hazard> hazards) {
		Hazard target = hazards.stream()
			.filter((h) -> h.township().name().equals("古山镇") && h.kind() == Kind.STREET_SHOP
					&& h.timeline().rectifiedOn() == null && h.timeline().foundOn().isBefore(OCT_1))
			.findFirst()
			.orElseThrow(() -> new IllegalStateException("no 古山镇 STREET_SHOP hazard for the regression"));
		return replace(hazards, target.with(new Timeline(target.timeline().foundOn(), null, OCT_3, OCT_4, null)));
	}

	/**
	 * Two rows the pipeline accepts with a warning, both on hazards found on 10-04 so
	 * that each appears exactly once: a 10-digit phone number (芝英镇) and a 未整改 row with a
	 * 整改日期 (龙山镇).
	 */
	static List<Hazard> plantWarnings(List<Hazard> hazards) {
		Hazard phone = firstFoundOnOct4(hazards, "芝英镇", false);
		hazards = replace(hazards, phone.withContact(phone.content().contact().substring(0, 10)));
		Hazard stray = firstFoundOnOct4(hazards, "龙山镇", true);
		Timeline t = stray.timeline();
		return replace(hazards, stray.with(new Timeline(t.foundOn(), null, null, null, OCT_4)));
	}

	private static Hazard firstFoundOnOct4(List<Hazard> hazards, String township, boolean open) {
		return hazards.stream()
			.filter((h) -> h.township().name().equals(township) && OCT_4.equals(h.timeline().foundOn())
					&& (!open || !h.timeline().rectifiedAtEnd()))
			.findFirst()
			.orElseThrow(() -> new IllegalStateException("no " + township + " hazard found on 10-04 for a warning"));
	}

	private static List<Hazard> replace(List<Hazard> hazards, Hazard replacement) {
		List<Hazard> result = new ArrayList<>(hazards);
		result.set(replacement.seq() - 1, replacement);
		return result;
	}

	// ---------------------------------------------------------------------------------------------
	// Uploads per night
	// ---------------------------------------------------------------------------------------------

	/**
	 * Rows the row rules must reject: one per township, on 10-04, never part of the
	 * figures.
	 */
	enum Defect {

		UNKNOWN_VILLAGE("东城街道", "village 荆山下村 does not exist (a typo of 荆山夏村)"), MISSING_ADDRESS("古山镇", "地址 is empty"),
		FOUND_AFTER_UPLOAD("花街镇", "排查日期 2022-10-15 is after the upload date 2022-10-04"),
		RECTIFIED_WITHOUT_DATE("象珠镇", "已整改 without 整改日期"), OTHER_TOWNSHIP("西溪镇", "乡镇（街道） says 东城街道 in 西溪镇's file"),
		UNKNOWN_CATEGORY("方岩镇", "场所类型 工业厂房 is not a campaign category");

		final String township;

		final String why;

		Defect(String township, String why) {
			this.township = township;
			this.why = why;
		}

	}

	static List<Upload> createUploads(Regions regions, Map<String, Layout> layouts, List<Hazard> hazards,
			LedgerTexts texts, Random random) {
		List<Upload> uploads = new ArrayList<>();
		for (LocalDate date : INBOX_DATES) {
			for (Township township : regions.townships()) {
				Layout layout = layouts.get(township.name());
				List<Hazard> own = hazards.stream().filter((h) -> h.township().equals(township)).toList();
				List<LedgerRow> ledger = ledger(layout, own, date);
				String name = township.name();
				if (name.equals("舟山镇") && date.equals(OCT_3)) {
					// The clerk re-sent yesterday's file: same bytes, recognised by its
					// SHA-256.
					Upload yesterday = find(uploads, OCT_2, township);
					uploads.add(new Upload(date, township, layout, yesterday.fileName(), OCT_2, yesterday.rows(),
							yesterday));
					continue;
				}
				if (name.equals("前仓镇") && date.equals(OCT_3)) {
					// Only what is new or changed since yesterday's ledger.
					List<LedgerRow> previous = ledger(layout, own, OCT_2);
					List<LedgerRow> delta = renumber(
							ledger.stream().filter((row) -> previous.stream().noneMatch(row::sameCells)).toList());
					require(!delta.isEmpty(), "前仓镇 has nothing new on 10-03");
					uploads.add(new Upload(date, township, layout, "前仓镇新增及变更.xlsx", date, delta, null));
					continue;
				}
				if (date.equals(OCT_4)) {
					ledger = plantRejected(ledger, layout, regions, township, texts, random);
					ledger = plantDuplicates(ledger, layout, random);
					ledger = noteRegression(ledger);
				}
				uploads.add(new Upload(date, township, layout, layout.fileName.apply(date), date, ledger, null));
				if (name.equals("江南街道") && date.equals(OCT_4)) {
					// Besides the full ledger, an extract of the hazards found since
					// yesterday.
					List<LedgerRow> recent = renumber(ledger.stream()
						.filter((row) -> !row.foundOn().isBefore(OCT_3))
						.map((row) -> row.noted(Note.DUPLICATE, "repeats a row of the full ledger"))
						.toList());
					require(!recent.isEmpty(), "江南街道 found nothing on 10-03/10-04");
					uploads.add(new Upload(date, township, layout.extract(), "新增隐患.xlsx", date, recent, null));
				}
			}
		}
		return uploads;
	}

	/** The cumulative ledger of one township as it stands on {@code date}. */
	static List<LedgerRow> ledger(Layout layout, List<Hazard> hazards, LocalDate date) {
		Map<Hazard, String> refs = refs(layout, hazards);
		Comparator<Hazard> order = Comparator.comparing((Hazard h) -> h.timeline().foundOn())
			.thenComparingInt(Hazard::seq);
		if (layout.mergeVillages) {
			// This clerk keeps the ledger grouped by village (and merges the village
			// cells).
			order = Comparator.comparing((Hazard h) -> h.village().code()).thenComparing(order);
		}
		List<LedgerRow> rows = new ArrayList<>();
		for (Hazard hazard : hazards.stream().sorted(order).toList()) {
			if (!hazard.timeline().foundOn().isAfter(date)) {
				rows.add(row(layout, hazard, refs.get(hazard), date, rows.size() + 1));
			}
		}
		return rows;
	}

	/**
	 * Refs number a township's hazards in the order they were found, stable across days.
	 */
	static Map<Hazard, String> refs(Layout layout, List<Hazard> hazards) {
		Map<Hazard, String> refs = new LinkedHashMap<>();
		if (layout.refFormat != null) {
			hazards.stream()
				.sorted(Comparator.comparing((Hazard h) -> h.timeline().foundOn()).thenComparingInt(Hazard::seq))
				.forEach((h) -> refs.put(h, String.format(layout.refFormat, refs.size() + 1)));
		}
		return refs;
	}

	static LedgerRow row(Layout layout, Hazard hazard, String ref, LocalDate date, int serial) {
		Timeline timeline = hazard.timeline();
		Status status = timeline.status(date);
		Content content = hazard.content();
		Note note = null;
		String why = null;
		if (content.contact().length() != 11) {
			note = Note.WARNING;
			why = "联系电话 has 10 digits";
		}
		else if (status != Status.DONE && timeline.rectifiedOnShown(date) != null) {
			note = Note.WARNING;
			why = status.label + " with a 整改日期";
		}
		return new LedgerRow(hazard, serial, ref, layout.townshipCell, villageCell(layout, hazard),
				layout.categories.get(hazard.kind()), hazard.kind(), content.premises(), content.address(),
				content.text(), timeline.foundOn(), layout.statuses.get(status), timeline.rectifiedOnShown(date),
				content.inspector(), content.contact(),
				(status == Status.DONE) ? content.doneNote() : content.openNote(), note, why);
	}

	private static String villageCell(Layout layout, Hazard hazard) {
		if (hazard.village() == null || layout.villageColumn != VillageColumn.FILLED) {
			return "";
		}
		return hazard.committeeName() ? hazard.village().committeeName() : hazard.village().name();
	}

	/** Appends the township's invalid row (if it has one) after the day's new rows. */
	static List<LedgerRow> plantRejected(List<LedgerRow> ledger, Layout layout, Regions regions, Township township,
			LedgerTexts texts, Random random) {
		Defect defect = Stream.of(Defect.values())
			.filter((d) -> d.township.equals(township.name()))
			.findFirst()
			.orElse(null);
		if (defect == null) {
			return ledger;
		}
		List<Village> villages = regions.villagesOf(township);
		// The misspelt village keeps the address of the real one, as a typo would.
		Village village = (defect == Defect.UNKNOWN_VILLAGE) ? regions.village(township, "荆山夏村")
				: villages.get(random.nextInt(villages.size()));
		Kind kind = (defect == Defect.UNKNOWN_CATEGORY) ? Kind.THREE_IN_ONE : Kind.RENTAL_HOUSING;
		Content content = texts.content(township, village, kind, layout.addressPrefix);
		String ref = (layout.refFormat != null) ? String.format(layout.refFormat, ledger.size() + 1) : null;
		String villageCell = (defect == Defect.UNKNOWN_VILLAGE) ? "荆山下村" : village.name();
		String townshipCell = (defect == Defect.OTHER_TOWNSHIP) ? "东城街道" : layout.townshipCell;
		String category = (defect == Defect.UNKNOWN_CATEGORY) ? "工业厂房" : layout.categories.get(kind);
		String address = (defect == Defect.MISSING_ADDRESS) ? "" : content.address();
		LocalDate foundOn = (defect == Defect.FOUND_AFTER_UPLOAD) ? LocalDate.of(2022, 10, 15) : OCT_4;
		Status status = (defect == Defect.RECTIFIED_WITHOUT_DATE) ? Status.DONE : Status.OPEN;
		List<LedgerRow> rows = new ArrayList<>(ledger);
		rows.add(new LedgerRow(null, ledger.size() + 1, ref, townshipCell, villageCell, category, kind,
				content.premises(), address, (defect == Defect.UNKNOWN_CATEGORY) ? "车间内堆放大量可燃包装材料" : content.text(),
				foundOn, layout.statuses.get(status), null, content.inspector(), content.contact(), "", Note.REJECTED,
				defect.why));
		return rows;
	}

	/**
	 * Rows pasted twice on 10-04: 西城街道 twice (once right below the original, once at the
	 * end), 花街镇 once. The copies are identical, 序号 included.
	 */
	static List<LedgerRow> plantDuplicates(List<LedgerRow> ledger, Layout layout, Random random) {
		int copies = switch (layout.township) {
			case "西城街道" -> 2;
			case "花街镇" -> 1;
			default -> 0;
		};
		List<Integer> picks = shuffledIndexes(ledger.size() - 10, random).subList(0, copies);
		List<LedgerRow> rows = new ArrayList<>(ledger);
		for (int i = 0; i < copies; i++) {
			LedgerRow original = ledger.get(picks.get(i));
			require(original.hazard() != null && original.note() == null, "duplicate of a noted row");
			int at = indexOf(rows, original);
			if (i == 0) {
				rows.add(at + 1, original.noted(Note.DUPLICATE, "identical copy of the row above"));
			}
			else {
				int shown = layout.firstDataRow() + at;
				rows.add(original.noted(Note.DUPLICATE, "identical copy of row " + shown));
			}
		}
		return rows;
	}

	private static int indexOf(List<LedgerRow> rows, LedgerRow row) {
		for (int i = 0; i < rows.size(); i++) {
			if (rows.get(i) == row) {
				return i;
			}
		}
		throw new IllegalArgumentException("row not found");
	}

	static List<LedgerRow> noteRegression(List<LedgerRow> ledger) {
		return ledger.stream()
			.map((row) -> (row.hazard() != null && row.hazard().timeline().reopenedOn() != null)
					? row.noted(Note.REGRESSION, "已整改 on 10-03, 未整改 again on 10-04") : row)
			.toList();
	}

	private static List<LedgerRow> renumber(List<LedgerRow> rows) {
		List<LedgerRow> result = new ArrayList<>();
		rows.forEach((row) -> result.add(row.numbered(result.size() + 1)));
		return result;
	}

	private static Upload find(List<Upload> uploads, LocalDate date, Township township) {
		return uploads.stream()
			.filter((u) -> u.date().equals(date) && u.township().equals(township))
			.findFirst()
			.orElseThrow();
	}

	static String stripPrefix(Township township, String address) {
		String body = address.startsWith("永康市") ? address.substring(3) : address;
		return body.startsWith(township.name()) ? body.substring(township.name().length()) : body;
	}

	// ---------------------------------------------------------------------------------------------
	// Self-checks: the rows must say what the tables say
	// ---------------------------------------------------------------------------------------------

	/** Every row not planted as invalid must pass the row validation. */
	static void checkRows(List<Upload> uploads) {
		for (Upload upload : uploads) {
			for (LedgerRow row : upload.rows()) {
				if (row.note() == Note.REJECTED) {
					continue;
				}
				String where = upload.path() + " row " + upload.rowNumber(row);
				require(!row.foundOn().isBefore(CAMPAIGN_START) && !row.foundOn().isAfter(upload.filledOn()),
						where + ": 排查日期 out of range");
				boolean done = row.status().equals(upload.layout().statuses.get(Status.DONE));
				LocalDate fixed = row.rectifiedOn();
				require(!done || (fixed != null && !fixed.isBefore(row.foundOn()) && !fixed.isAfter(upload.filledOn())),
						where + ": 整改日期 out of range");
			}
		}
		Upload oct2 = uploads.stream()
			.filter((u) -> u.date().equals(OCT_2) && u.township().name().equals("舟山镇"))
			.findFirst()
			.orElseThrow();
		List<LedgerRow> oct3 = ledger(oct2.layout(),
				uploads.stream()
					.filter((u) -> u.date().equals(OCT_4) && u.township().name().equals("舟山镇"))
					.flatMap((u) -> u.rows().stream())
					.map(LedgerRow::hazard)
					.toList(),
				OCT_3);
		require(oct3.equals(oct2.rows()), "舟山镇 changed on 10-03 although it re-sends its 10-02 file");
	}

	/**
	 * Recomputes the figures of 2022-10-04 by the identity and statistics rules, from the
	 * rows of that night (duplicates, the second 江南街道 file and the regression included,
	 * rejected rows left out).
	 */
	static void checkFigures(Regions regions, List<Upload> uploads, List<Hazard> hazards) {
		Map<String, LedgerRow> latest = new LinkedHashMap<>();
		Map<String, String> doneLabels = new LinkedHashMap<>();
		for (Upload upload : uploads) {
			if (!upload.date().equals(OCT_4)) {
				continue;
			}
			doneLabels.put(upload.township().code(), upload.layout().statuses.get(Status.DONE));
			for (LedgerRow row : upload.rows()) {
				if (row.note() != Note.REJECTED) {
					LedgerRow before = latest.put(identity(upload.township(), row), row);
					require(before == null || before.sameCells(row), "two rows of one hazard disagree: " + row);
				}
			}
		}
		require(latest.size() == hazards.size(),
				"10-04 holds " + latest.size() + " hazards, expected " + hazards.size());
		Map<String, int[]> townships = new TreeMap<>();
		Map<String, int[]> villages = new TreeMap<>();
		for (LedgerRow row : latest.values()) {
			boolean done = row.status().equals(doneLabels.get(row.hazard().township().code()))
					&& row.rectifiedOn() != null && !row.rectifiedOn().isAfter(OCT_4);
			count(townships, row.hazard().township().name() + "/" + row.kind(), done);
			if (row.kind() == Kind.RENTAL_HOUSING && row.hazard().village() != null) {
				count(villages, row.hazard().township().name() + "/" + row.hazard().village().name(), done);
			}
		}
		for (Kind kind : Kind.values()) {
			for (Figure figure : TOWNSHIP_FIGURES.get(kind)) {
				int[] actual = townships.getOrDefault(figure.township() + "/" + kind, new int[2]);
				require(actual[0] == figure.found() && actual[1] == figure.rectified(),
						figure.township() + " " + kind + ": " + actual[0] + "/" + actual[1] + ", expected "
								+ figure.found() + "/" + figure.rectified());
			}
		}
		require(townships.size() == 3 * regions.townships().size(),
				"figures for unknown townships: " + townships.keySet());
		for (VillageFigure figure : LAGGING) {
			int[] actual = villages.remove(figure.township() + "/" + figure.village());
			require(actual != null && actual[0] == figure.found() && actual[1] == figure.rectified(),
					figure.village() + ": expected " + figure.found() + "/" + figure.rectified());
		}
		villages.forEach((village, actual) -> require(staysOffLaggingList(actual[0], actual[1]),
				village + " (" + actual[0] + "/" + actual[1] + ") would enter a lagging list"));
	}

	/**
	 * Identity: the township's ref when it uses refs, else village, category, address and
	 * text.
	 */
	static String identity(Township township, LedgerRow row) {
		if (row.ref() != null) {
			return township.code() + "|" + row.ref();
		}
		String village = (row.hazard().village() != null) ? row.hazard().village().code() : "";
		return String.join("|", township.code(), village, row.kind().name(), stripPrefix(township, row.address()),
				row.text());
	}

	private static void count(Map<String, int[]> counts, String key, boolean done) {
		int[] c = counts.computeIfAbsent(key, (k) -> new int[2]);
		c[0]++;
		c[1] += done ? 1 : 0;
	}

	private static void require(boolean condition, String message) {
		if (!condition) {
			throw new IllegalStateException(message);
		}
	}

	// ---------------------------------------------------------------------------------------------
	// Writing
	// ---------------------------------------------------------------------------------------------

	static void write(Path out, List<Upload> uploads) throws IOException {
		for (LocalDate date : INBOX_DATES) {
			deleteRecursively(out.resolve(date.toString()));
		}
		Map<Upload, byte[]> written = new IdentityHashMap<>();
		for (Upload upload : uploads) {
			byte[] bytes = (upload.copyOf() != null) ? written.get(upload.copyOf()) : LedgerWorkbooks.xlsx(upload);
			written.put(upload, bytes);
			Path file = out.resolve(upload.path());
			Files.createDirectories(file.getParent());
			Files.write(file, bytes);
		}
		Files.writeString(out.resolve("README.md"), SampleReadme.text(uploads), StandardCharsets.UTF_8);
	}

	private static void deleteRecursively(Path dir) throws IOException {
		if (!Files.exists(dir)) {
			return;
		}
		try (Stream<Path> paths = Files.walk(dir)) {
			for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
				Files.delete(path);
			}
		}
	}

	// ---------------------------------------------------------------------------------------------
	// Summary and README
	// ---------------------------------------------------------------------------------------------

	static String summary(List<Upload> uploads) {
		StringBuilder out = new StringBuilder();
		for (LocalDate date : INBOX_DATES) {
			List<Upload> day = uploads.stream().filter((u) -> u.date().equals(date)).toList();
			out.append(date)
				.append(": ")
				.append(day.size())
				.append(" files, ")
				.append(day.stream().mapToInt((u) -> u.rows().size()).sum())
				.append(" data rows\n");
		}
		for (Upload upload : uploads) {
			for (LedgerRow row : upload.rows()) {
				if (row.note() != null) {
					out.append(row.note())
						.append(' ')
						.append(upload.path())
						.append(" row ")
						.append(upload.rowNumber(row))
						.append(": ")
						.append(row.why())
						.append('\n');
				}
			}
		}
		return out.toString();
	}

	private SampleInputGenerator() {
	}

}
