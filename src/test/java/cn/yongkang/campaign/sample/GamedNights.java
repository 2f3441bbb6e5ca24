package cn.yongkang.campaign.sample;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

import cn.yongkang.campaign.sample.LedgerLayouts.Layout;
import cn.yongkang.campaign.sample.SampleInputGenerator.Content;
import cn.yongkang.campaign.sample.SampleInputGenerator.Hazard;
import cn.yongkang.campaign.sample.SampleInputGenerator.LedgerRow;
import cn.yongkang.campaign.sample.SampleInputGenerator.Regions;
import cn.yongkang.campaign.sample.SampleInputGenerator.Status;
import cn.yongkang.campaign.sample.SampleInputGenerator.Timeline;
import cn.yongkang.campaign.sample.SampleInputGenerator.Township;
import cn.yongkang.campaign.sample.SampleInputGenerator.Upload;

/**
 * Two nights after sample-input's three, from the same hazards and the same clerks'
 * layouts (the sample generator's data, rendered by {@link LedgerWorkbooks}): on
 * 2022-10-05 four townships game their ledgers and one sends nothing; on 2022-10-06
 * everybody re-sends an honest ledger and nothing changes.
 * <ul>
 * <li>{@value #BULK}: every hazard still open on 10-04 reported 已整改 on 10-05;
 * <li>{@value #BACKDATED}: {@value #BACKDATED_COUNT} hazards its 10-04 ledger still gave
 * as open reported 已整改 with a rectification date of 10-02;
 * <li>{@value #REGRESSION}: {@value #REGRESSION_COUNT} rectified hazards taken back to
 * 未整改;
 * <li>{@value #SAME_DAY}: {@value #SAME_DAY_COUNT} new hazards found and rectified on
 * 10-05;
 * <li>{@value #SILENT}: no upload on 10-05 (its figures rest on its 10-04 file).
 * </ul>
 */
public final class GamedNights {

	public static final LocalDate OCT_5 = LocalDate.of(2022, 10, 5);

	public static final LocalDate OCT_6 = LocalDate.of(2022, 10, 6);

	public static final String BULK = "东城街道";

	public static final String BACKDATED = "石柱镇";

	public static final int BACKDATED_COUNT = 5;

	public static final String REGRESSION = "西溪镇";

	public static final int REGRESSION_COUNT = 4;

	public static final String SAME_DAY = "象珠镇";

	public static final int SAME_DAY_COUNT = 12;

	public static final String SILENT = "唐先镇";

	private GamedNights() {
	}

	/**
	 * Writes INBOX/2022-10-05 and INBOX/2022-10-06 (sample-input's nights are copied by
	 * the caller).
	 */
	public static void write(Path inbox) throws IOException {
		Regions regions = Regions.load(SampleInputGenerator.REGIONS);
		Map<String, Layout> layouts = LedgerLayouts.layouts();
		Random random = new Random(SampleInputGenerator.SEED);
		LedgerTexts texts = new LedgerTexts(random);
		List<Hazard> hazards = plant(SampleInputGenerator.createHazards(regions, layouts, texts, random));
		for (LocalDate date : List.of(OCT_5, OCT_6)) {
			for (Township township : regions.townships()) {
				if (date.equals(OCT_5) && township.name().equals(SILENT)) {
					continue;
				}
				Layout layout = layouts.get(township.name());
				List<Hazard> own = hazards.stream().filter((h) -> h.township().equals(township)).toList();
				List<LedgerRow> ledger = SampleInputGenerator.ledger(layout, own, date);
				Upload upload = new Upload(date, township, layout, layout.fileName.apply(date), date, ledger, null);
				Path file = inbox.resolve(upload.path());
				Files.createDirectories(file.getParent());
				Files.write(file, LedgerWorkbooks.xlsx(upload));
			}
		}
	}

	private static List<Hazard> plant(List<Hazard> hazards) {
		List<Hazard> planted = new ArrayList<>(hazards);
		int backdated = 0;
		int regressed = 0;
		for (int i = 0; i < planted.size(); i++) {
			Hazard hazard = planted.get(i);
			Timeline t = hazard.timeline();
			boolean openOnOct4 = t.status(SampleInputGenerator.OCT_4) != Status.DONE;
			String township = hazard.township().name();
			if (township.equals(BULK) && openOnOct4) {
				planted.set(i, hazard.with(new Timeline(t.foundOn(), null, OCT_5, null, null)));
			}
			else if (township.equals(BACKDATED) && openOnOct4 && backdated < BACKDATED_COUNT
					&& t.foundOn().isBefore(SampleInputGenerator.OCT_2) && t.reopenedOn() == null) {
				planted.set(i, hazard.with(new Timeline(t.foundOn(), null, SampleInputGenerator.OCT_2, null, null)));
				backdated++;
			}
			else if (township.equals(REGRESSION) && !openOnOct4 && regressed < REGRESSION_COUNT) {
				planted.set(i, hazard.with(new Timeline(t.foundOn(), null, t.rectifiedOn(), OCT_5, null)));
				regressed++;
			}
		}
		if (backdated < BACKDATED_COUNT || regressed < REGRESSION_COUNT) {
			throw new IllegalStateException("sample-input has too few hazards to plant the gaming nights");
		}
		Hazard model = planted.stream().filter((h) -> h.township().name().equals(SAME_DAY)).findFirst().orElseThrow();
		for (int n = 1; n <= SAME_DAY_COUNT; n++) {
			Content c = model.content();
			Content fresh = new Content(c.premises() + n, c.address() + "附" + n + "号", c.text(), c.inspector(),
					c.contact(), c.openNote(), c.doneNote());
			planted.add(new Hazard(planted.size() + 1, model.township(), model.village(), model.kind(),
					model.committeeName(), fresh, new Timeline(OCT_5, null, OCT_5, null, null)));
		}
		return planted;
	}

}
