package cn.yongkang.campaign.report;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.poi.openxml4j.exceptions.InvalidFormatException;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.util.Units;
import org.apache.poi.wp.usermodel.HeaderFooterType;
import org.apache.poi.xddf.usermodel.XDDFColor;
import org.apache.poi.xddf.usermodel.XDDFSolidFillProperties;
import org.apache.poi.xddf.usermodel.chart.AxisCrosses;
import org.apache.poi.xddf.usermodel.chart.AxisOrientation;
import org.apache.poi.xddf.usermodel.chart.AxisPosition;
import org.apache.poi.xddf.usermodel.chart.BarDirection;
import org.apache.poi.xddf.usermodel.chart.ChartTypes;
import org.apache.poi.xddf.usermodel.chart.XDDFBarChartData;
import org.apache.poi.xddf.usermodel.chart.XDDFCategoryAxis;
import org.apache.poi.xddf.usermodel.chart.XDDFCategoryDataSource;
import org.apache.poi.xddf.usermodel.chart.XDDFChartData;
import org.apache.poi.xddf.usermodel.chart.XDDFDataSourcesFactory;
import org.apache.poi.xddf.usermodel.chart.XDDFNumericalDataSource;
import org.apache.poi.xddf.usermodel.chart.XDDFValueAxis;
import org.apache.poi.xwpf.usermodel.LineSpacingRule;
import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.TableRowAlign;
import org.apache.poi.xwpf.usermodel.XWPFChart;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFFooter;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.openxmlformats.schemas.drawingml.x2006.chart.CTBarSer;
import org.openxmlformats.schemas.drawingml.x2006.chart.CTDLbls;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTBorder;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTDocGrid;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPageMar;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPageSz;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTSectPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTTabStop;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STBorder;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STDocGrid;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STFldCharType;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STTabJc;

import cn.yongkang.campaign.campaign.Campaign;
import cn.yongkang.campaign.registry.Category;
import cn.yongkang.campaign.registry.Village;

/**
 * {@code bulletin.docx} as an official document after GB/T 9704-2012: A4 with margins of
 * 37/35/28/26 mm, a line grid of 22 lines; the red 版头 (masthead in 小标宋, issue number,
 * issuing body and date, a red rule); the title in 2号小标宋; the body in 3号仿宋_GB2312 at a
 * fixed pitch of 28.95 pt; headings in 黑体 and 楷体; page numbers “— 1 —” in 4号宋体, odd pages
 * right, even pages left. After the bulletin's text: per category a table of every
 * township and a native bar chart of the rates, then the lagging lists as tables.
 * Wording, issuing body and fonts come from the template's {@code document} section.
 */
final class OfficialDocument {

	/** Text width: 210 mm less 28 and 26 mm of margins, in twips. */
	private static final int TEXT_WIDTH = 8844;

	/** The fixed line pitch of the body, 28.95 pt (22 lines on the page). */
	private static final double PITCH = 28.95;

	private final XWPFDocument document = new XWPFDocument();

	private final BulletinTemplate template;

	private final String bodyFont;

	private OfficialDocument(BulletinTemplate template) {
		this.template = template;
		this.bodyFont = font("body", "仿宋_GB2312");
	}

	static void write(Bulletin bulletin, Snapshot snapshot, Campaign campaign, BulletinTemplate template,
			OutputStream out) throws IOException {
		OfficialDocument word = new OfficialDocument(template);
		try (XWPFDocument document = word.document) {
			word.page();
			word.masthead(snapshot, campaign);
			word.title(bulletin.title());
			bulletin.paragraphs().forEach(word::body);
			if (!bulletin.movesHeading().isEmpty()) {
				word.heading(bulletin.movesHeading());
				bulletin.moves().forEach(word::body);
			}
			word.figures(snapshot, campaign);
			word.lagging(snapshot, campaign);
			word.pageNumbers();
			document.write(out);
		}
		catch (InvalidFormatException ex) {
			throw new IOException("cannot add a chart to the bulletin", ex);
		}
	}

	static int issueNumber(Snapshot snapshot, Campaign campaign, BulletinTemplate template) {
		int first = Integer.parseInt(template.atOr("1", "document", "first_issue"));
		long days = ChronoUnit.DAYS.between(campaign.start(), snapshot.asOf());
		return switch (template.atOr("snapshots", "document", "issue_numbering")) {
			case "days" -> (int) days + first;
			case "weeks" -> (int) (days / 7) + first;
			default -> snapshot.issueNumber() - 1 + first;
		};
	}

	private String font(String use, String fallback) {
		return this.template.atOr(fallback, "document", "fonts", use);
	}

	private void page() {
		CTSectPr section = this.document.getDocument().getBody().addNewSectPr();
		CTPageSz size = section.addNewPgSz();
		size.setW(BigInteger.valueOf(11906));
		size.setH(BigInteger.valueOf(16838));
		CTPageMar margins = section.addNewPgMar();
		margins.setTop(BigInteger.valueOf(2098));
		margins.setBottom(BigInteger.valueOf(1984));
		margins.setLeft(BigInteger.valueOf(1587));
		margins.setRight(BigInteger.valueOf(1474));
		margins.setHeader(BigInteger.valueOf(851));
		margins.setFooter(BigInteger.valueOf(1304));
		margins.setGutter(BigInteger.ZERO);
		CTDocGrid grid = section.addNewDocGrid();
		grid.setType(STDocGrid.LINES);
		grid.setLinePitch(BigInteger.valueOf(579));
	}

	/**
	 * 版头: masthead in red, the issue number, then issuing body and date above a red rule.
	 */
	private void masthead(Snapshot snapshot, Campaign campaign) {
		String red = this.template.atOr("FF0000", "document", "masthead_color");
		String masthead = this.template.atOr(campaign.name(), "document", "masthead");
		XWPFParagraph mark = paragraph(ParagraphAlignment.CENTER, 0);
		mark.setSpacingBefore(0);
		mark.setSpacingAfter(240);
		// As large as fits on one line of 156 mm, at most 40 pt.
		int size = Math.max(22, Math.min(40, 440 / Math.max(1, masthead.length())));
		run(mark, masthead, font("masthead", "方正小标宋简体"), size, red);
		XWPFParagraph issue = paragraph(ParagraphAlignment.CENTER, 0);
		issue.setSpacingBetween(PITCH, LineSpacingRule.EXACT);
		run(issue,
				this.template.fill(this.template.atOr("第{number}期", "document", "issue"),
						Map.of("number", String.valueOf(issueNumber(snapshot, campaign, this.template)))),
				this.bodyFont, 16, null);
		XWPFParagraph issuer = paragraph(ParagraphAlignment.LEFT, 0);
		issuer.setSpacingBetween(PITCH, LineSpacingRule.EXACT);
		issuer.setIndentationLeft(320);
		issuer.setIndentationRight(320);
		CTPPr properties = pPr(issuer);
		CTTabStop tab = properties.addNewTabs().addNewTab();
		tab.setVal(STTabJc.RIGHT);
		tab.setPos(BigInteger.valueOf(TEXT_WIDTH - 640));
		run(issuer, this.template.atOr("", "document", "issuer") + "\t" + Bulletin.chineseDate(snapshot.asOf()),
				this.bodyFont, 16, null);
		CTBorder rule = properties.addNewPBdr().addNewBottom();
		rule.setVal(STBorder.SINGLE);
		rule.setSz(BigInteger.valueOf(18));
		rule.setSpace(BigInteger.valueOf(4));
		rule.setColor(red);
	}

	private void title(String title) {
		XWPFParagraph paragraph = paragraph(ParagraphAlignment.CENTER, 0);
		paragraph.setSpacingBefore(579);
		paragraph.setSpacingAfter(579);
		paragraph.setSpacingBetween(35, LineSpacingRule.EXACT);
		offGrid(paragraph);
		run(paragraph, title, font("title", "方正小标宋简体"), 22, null);
	}

	private void body(String text) {
		XWPFParagraph paragraph = paragraph(ParagraphAlignment.BOTH, 640);
		paragraph.setSpacingBetween(PITCH, LineSpacingRule.EXACT);
		run(paragraph, text, this.bodyFont, 16, null);
	}

	private void heading(String text) {
		XWPFParagraph paragraph = paragraph(ParagraphAlignment.LEFT, 640);
		paragraph.setSpacingBetween(PITCH, LineSpacingRule.EXACT);
		run(paragraph, text, font("heading", "黑体"), 16, null);
	}

	private void subheading(String text) {
		XWPFParagraph paragraph = paragraph(ParagraphAlignment.LEFT, 640);
		paragraph.setSpacingBetween(PITCH, LineSpacingRule.EXACT);
		paragraph.setKeepNext(true);
		run(paragraph, text, font("subheading", "楷体_GB2312"), 16, null);
	}

	/**
	 * Per category: every township's figures in a table, then a bar chart of the rates.
	 */
	private void figures(Snapshot snapshot, Campaign campaign) throws IOException, InvalidFormatException {
		heading(this.template.atOr("二、各镇（街道、区）排查整治情况", "document", "figures_heading"));
		int index = 1;
		for (Category category : campaign.categories()) {
			String label = this.template.category(category, "lagging");
			subheading(this.template.fill(this.template.atOr("（{index}）{category}", "document", "figures_category"),
					Map.of("index", Bulletin.numeral(index++), "category", label)));
			List<Snapshot.TownshipFigure> figures = snapshot.townships(category.name());
			List<List<String>> rows = new ArrayList<>();
			for (Snapshot.TownshipFigure f : figures) {
				rows.add(List.of(f.name(), String.valueOf(f.found()), String.valueOf(f.rectified()), rate(f.rate()),
						f.ratePosition() == null ? "—" : String.valueOf(f.ratePosition())));
			}
			table(List.of(column("township"), column("found"), column("rectified"), column("rate"),
					column("rate_position")), new int[] { 3044, 1450, 1450, 1450, 1450 }, rows);
			if (!figures.isEmpty()) {
				chart(this.template.fill(this.template.atOr("{category}整改率", "document", "chart_title"),
						Map.of("category", label)), figures);
			}
		}
	}

	private void lagging(Snapshot snapshot, Campaign campaign) {
		Category category = campaign.lagging().category();
		String label = this.template.category(category, "lagging");
		heading(this.template.atOr("三、整改落后村（社区）名单", "document", "lagging_heading"));
		for (String kind : List.of(Village.VILLAGE, Village.COMMUNITY)) {
			String key = kind.equals(Village.VILLAGE) ? "lagging_villages" : "lagging_communities";
			subheading(
					this.template.fill(this.template.atOr("{category}", "document", key), Map.of("category", label)));
			List<List<String>> rows = new ArrayList<>();
			for (Snapshot.Lagging l : snapshot.lagging(kind)) {
				if (l.category().equals(category.name())) {
					rows.add(List.of(String.valueOf(l.position()), l.townshipName(), l.name(),
							String.valueOf(l.found()), String.valueOf(l.rectified()), rate(l.rate())));
				}
			}
			if (rows.isEmpty()) {
				body(this.template.fill(
						this.template
							.sentence(kind.equals(Village.VILLAGE) ? "no_lagging_villages" : "no_lagging_communities"),
						Map.of("campaign", campaign.bulletinName(), "category", label)));
				continue;
			}
			table(List.of(column("position"), column("township"), column("village"), column("found"),
					column("rectified"), column("rate")), new int[] { 900, 2144, 2200, 1200, 1200, 1200 }, rows);
		}
	}

	private String column(String key) {
		return this.template.at("document", "columns", key);
	}

	private static String rate(BigDecimal rate) {
		return rate == null ? "—" : Moves.percent(rate);
	}

	/** A full-width table: header in 黑体, cells in the body font, 小四, single lines. */
	private void table(List<String> headers, int[] widths, List<List<String>> rows) {
		XWPFTable table = this.document.createTable(rows.size() + 1, headers.size());
		table.setTableAlignment(TableRowAlign.CENTER);
		table.setWidth(String.valueOf(TEXT_WIDTH));
		var grid = (table.getCTTbl().getTblGrid() != null) ? table.getCTTbl().getTblGrid()
				: table.getCTTbl().addNewTblGrid();
		for (int c = 0; c < widths.length; c++) {
			(c < grid.sizeOfGridColArray() ? grid.getGridColArray(c) : grid.addNewGridCol())
				.setW(BigInteger.valueOf(widths[c]));
		}
		for (int r = 0; r <= rows.size(); r++) {
			XWPFTableRow row = table.getRow(r);
			row.setRepeatHeader(r == 0);
			row.setCantSplitRow(true);
			for (int c = 0; c < headers.size(); c++) {
				XWPFTableCell cell = row.getCell(c);
				cell.setWidth(String.valueOf(widths[c]));
				cell.setVerticalAlignment(XWPFTableCell.XWPFVertAlign.CENTER);
				XWPFParagraph paragraph = cell.getParagraphs().get(0);
				paragraph.setAlignment(ParagraphAlignment.CENTER);
				paragraph.setSpacingBetween(20, LineSpacingRule.EXACT);
				paragraph.setSpacingBefore(40);
				paragraph.setSpacingAfter(40);
				offGrid(paragraph);
				String text = (r == 0) ? headers.get(c) : rows.get(r - 1).get(c);
				run(paragraph, text, (r == 0) ? font("heading", "黑体") : this.bodyFont, 12, null);
			}
		}
		// A line of space after the table, on the grid.
		paragraph(ParagraphAlignment.LEFT, 0).setSpacingBetween(12, LineSpacingRule.EXACT);
	}

	/**
	 * A native bar chart of every township's rate, bars in the template's colour (set
	 * explicitly: LibreOffice and WPS draw no theme colours), values at the bars.
	 */
	private void chart(String title, List<Snapshot.TownshipFigure> figures) throws IOException, InvalidFormatException {
		XWPFParagraph holder = paragraph(ParagraphAlignment.CENTER, 0);
		holder.setKeepNext(false);
		XWPFRun run = holder.createRun();
		int height = Math.max(6, figures.size()) * 2 * Units.EMU_PER_CENTIMETER / 3 + 2 * Units.EMU_PER_CENTIMETER;
		XWPFChart chart = this.document.createChart(run, 15 * Units.EMU_PER_CENTIMETER, height);
		chart.setTitleText(title);
		chart.setTitleOverlay(false);
		String[] names = figures.stream().map(Snapshot.TownshipFigure::name).toArray(String[]::new);
		Double[] rates = figures.stream()
			.map((f) -> f.rate() == null ? 0.0 : f.rate().doubleValue())
			.toArray(Double[]::new);
		XDDFCategoryAxis townships = chart.createCategoryAxis(AxisPosition.LEFT);
		townships.setOrientation(AxisOrientation.MAX_MIN);
		XDDFValueAxis values = chart.createValueAxis(AxisPosition.BOTTOM);
		values.setCrosses(AxisCrosses.AUTO_ZERO);
		values.setMinimum(0);
		values.setMaximum(1);
		values.setNumberFormat("0%");
		XDDFCategoryDataSource categories = XDDFDataSourcesFactory.fromArray(names,
				chart.formatRange(new CellRangeAddress(1, names.length, 0, 0)), 0);
		XDDFNumericalDataSource<Double> data = XDDFDataSourcesFactory.fromArray(rates,
				chart.formatRange(new CellRangeAddress(1, names.length, 1, 1)), 1);
		XDDFBarChartData bars = (XDDFBarChartData) chart.createData(ChartTypes.BAR, townships, values);
		bars.setBarDirection(BarDirection.BAR);
		bars.setVaryColors(false);
		XDDFChartData.Series series = bars.addSeries(categories, data);
		series.setTitle(this.template.at("document", "columns", "rate"),
				chart.setSheetTitle(this.template.at("document", "columns", "rate"), 1));
		series.setFillProperties(new XDDFSolidFillProperties(
				XDDFColor.from(hex(this.template.atOr("C00000", "document", "chart_color")))));
		chart.plot(bars);
		CTBarSer ctSeries = chart.getCTChart().getPlotArea().getBarChartArray(0).getSerArray(0);
		CTDLbls labels = ctSeries.isSetDLbls() ? ctSeries.getDLbls() : ctSeries.addNewDLbls();
		labels.addNewNumFmt().setFormatCode("0.0%");
		labels.getNumFmt().setSourceLinked(false);
		labels.addNewShowLegendKey().setVal(false);
		labels.addNewShowVal().setVal(true);
		labels.addNewShowCatName().setVal(false);
		labels.addNewShowSerName().setVal(false);
		labels.addNewShowPercent().setVal(false);
		labels.addNewShowBubbleSize().setVal(false);
		chart.getCTChart().getPlotArea().getBarChartArray(0).addNewGapWidth().setVal(60);
	}

	private static byte[] hex(String rgb) {
		int value = Integer.parseInt(rgb.replace("#", ""), 16);
		return new byte[] { (byte) (value >> 16), (byte) (value >> 8), (byte) value };
	}

	/** “— 1 —” in 4号宋体: odd pages right, even pages left, one character in. */
	private void pageNumbers() {
		this.document.setEvenAndOddHeadings(true);
		pageNumber(this.document.createFooter(HeaderFooterType.DEFAULT), ParagraphAlignment.RIGHT);
		pageNumber(this.document.createFooter(HeaderFooterType.EVEN), ParagraphAlignment.LEFT);
	}

	private void pageNumber(XWPFFooter footer, ParagraphAlignment alignment) {
		XWPFParagraph paragraph = footer.createParagraph();
		paragraph.setAlignment(alignment);
		if (alignment == ParagraphAlignment.RIGHT) {
			paragraph.setIndentationRight(280);
		}
		else {
			paragraph.setIndentationLeft(280);
		}
		String font = font("page_number", "宋体");
		run(paragraph, "— ", font, 14, null);
		XWPFRun begin = run(paragraph, "", font, 14, null);
		begin.getCTR().addNewFldChar().setFldCharType(STFldCharType.BEGIN);
		XWPFRun instruction = run(paragraph, "", font, 14, null);
		instruction.getCTR().addNewInstrText().setStringValue(" PAGE ");
		XWPFRun separate = run(paragraph, "", font, 14, null);
		separate.getCTR().addNewFldChar().setFldCharType(STFldCharType.SEPARATE);
		run(paragraph, "1", font, 14, null);
		XWPFRun end = run(paragraph, "", font, 14, null);
		end.getCTR().addNewFldChar().setFldCharType(STFldCharType.END);
		run(paragraph, " —", font, 14, null);
	}

	private XWPFParagraph paragraph(ParagraphAlignment alignment, int firstLineIndent) {
		XWPFParagraph paragraph = this.document.createParagraph();
		paragraph.setAlignment(alignment);
		paragraph.setSpacingBefore(0);
		paragraph.setSpacingAfter(0);
		if (firstLineIndent > 0) {
			paragraph.setIndentationFirstLine(firstLineIndent);
		}
		return paragraph;
	}

	/** Lines at their own exact spacing, not snapped to the 22-line grid of the body. */
	private static void offGrid(XWPFParagraph paragraph) {
		pPr(paragraph).addNewSnapToGrid().setVal(false);
	}

	private static CTPPr pPr(XWPFParagraph paragraph) {
		return paragraph.getCTP().isSetPPr() ? paragraph.getCTP().getPPr() : paragraph.getCTP().addNewPPr();
	}

	private static XWPFRun run(XWPFParagraph paragraph, String text, String font, int size, String color) {
		XWPFRun run = paragraph.createRun();
		if (!text.isEmpty()) {
			String[] parts = text.split("\t", -1);
			for (int i = 0; i < parts.length; i++) {
				if (i > 0) {
					run.addTab();
				}
				run.setText(parts[i], i);
			}
		}
		run.setFontFamily(font);
		run.setFontFamily(font, XWPFRun.FontCharRange.eastAsia);
		run.setFontSize(size);
		if (color != null) {
			run.setColor(color);
		}
		return run;
	}

}
