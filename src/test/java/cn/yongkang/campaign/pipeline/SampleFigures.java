package cn.yongkang.campaign.pipeline;

import java.util.List;
import java.util.Map;

/**
 * The figures sample-input is built to give at its last date, 2022-10-04, worked out by
 * hand from the seed bulletin and written down independently of the pipeline's code.
 */
final class SampleFigures {

	static final String CAMPAIGN = "shuangyue-2022";

	static final String LAST_DATE = "2022-10-04";

	/** Township name to {found, rectified} per category. */
	static final Map<String, Map<String, int[]>> TOWNSHIPS = Map
		.of("RENTAL_HOUSING",
				Map.ofEntries(Map.entry("东城街道", new int[] { 150, 45 }), Map.entry("古山镇", new int[] { 120, 42 }),
						Map.entry("西城街道", new int[] { 110, 88 }), Map.entry("龙山镇", new int[] { 105, 40 }),
						Map.entry("芝英镇", new int[] { 95, 70 }), Map.entry("江南街道", new int[] { 90, 70 }),
						Map.entry("唐先镇", new int[] { 80, 56 }), Map.entry("花街镇", new int[] { 75, 61 }),
						Map.entry("象珠镇", new int[] { 70, 58 }), Map.entry("方岩镇", new int[] { 65, 55 }),
						Map.entry("前仓镇", new int[] { 60, 52 }), Map.entry("西溪镇", new int[] { 50, 49 }),
						Map.entry("石柱镇", new int[] { 40, 8 }), Map.entry("现代农业装备高新区", new int[] { 30, 27 }),
						Map.entry("经济开发区", new int[] { 25, 23 }), Map.entry("舟山镇", new int[] { 20, 19 })),
				"STREET_SHOP",
				Map.ofEntries(Map.entry("东城街道", new int[] { 130, 110 }), Map.entry("西城街道", new int[] { 115, 106 }),
						Map.entry("古山镇", new int[] { 100, 80 }), Map.entry("芝英镇", new int[] { 90, 65 }),
						Map.entry("龙山镇", new int[] { 85, 60 }), Map.entry("江南街道", new int[] { 80, 32 }),
						Map.entry("石柱镇", new int[] { 75, 50 }), Map.entry("花街镇", new int[] { 70, 49 }),
						Map.entry("方岩镇", new int[] { 65, 40 }), Map.entry("前仓镇", new int[] { 60, 45 }),
						Map.entry("象珠镇", new int[] { 55, 25 }), Map.entry("西溪镇", new int[] { 50, 30 }),
						Map.entry("经济开发区", new int[] { 45, 40 }), Map.entry("唐先镇", new int[] { 30, 9 }),
						Map.entry("现代农业装备高新区", new int[] { 25, 25 }), Map.entry("舟山镇", new int[] { 20, 19 })),
				"THREE_IN_ONE",
				Map.ofEntries(Map.entry("芝英镇", new int[] { 90, 75 }), Map.entry("经济开发区", new int[] { 80, 78 }),
						Map.entry("古山镇", new int[] { 70, 50 }), Map.entry("东城街道", new int[] { 60, 57 }),
						Map.entry("西城街道", new int[] { 55, 45 }), Map.entry("龙山镇", new int[] { 50, 35 }),
						Map.entry("江南街道", new int[] { 45, 30 }), Map.entry("花街镇", new int[] { 42, 32 }),
						Map.entry("石柱镇", new int[] { 40, 16 }), Map.entry("方岩镇", new int[] { 38, 13 }),
						Map.entry("前仓镇", new int[] { 35, 26 }), Map.entry("象珠镇", new int[] { 32, 8 }),
						Map.entry("现代农业装备高新区", new int[] { 30, 28 }), Map.entry("唐先镇", new int[] { 15, 9 }),
						Map.entry("西溪镇", new int[] { 12, 7 }), Map.entry("舟山镇", new int[] { 8, 6 })));

	/** The 20 lagging villages in list order: township, village, found, rectified. */
	static final List<Object[]> LAGGING_VILLAGES = List.of(new Object[] { "龙山镇", "下宅口村", 7, 0 },
			new Object[] { "龙山镇", "环溪村", 6, 0 }, new Object[] { "龙山镇", "后宅村", 5, 0 },
			new Object[] { "龙山镇", "同甫村", 4, 0 }, new Object[] { "龙山镇", "茭杨村", 3, 0 },
			new Object[] { "龙山镇", "四路口上村", 8, 1 }, new Object[] { "龙山镇", "东来村", 7, 1 },
			new Object[] { "龙山镇", "南新村", 6, 1 }, new Object[] { "龙山镇", "吕南宅二村", 5, 1 },
			new Object[] { "龙山镇", "桥下东村", 4, 1 }, new Object[] { "龙山镇", "吕南宅四村", 7, 2 },
			new Object[] { "芝英镇", "儒堂头村", 6, 2 }, new Object[] { "芝英镇", "元溪村", 8, 3 },
			new Object[] { "江南街道", "栗园村", 5, 2 }, new Object[] { "唐先镇", "尖山湾村", 7, 3 },
			new Object[] { "东城街道", "荆山夏村", 9, 4 }, new Object[] { "东城街道", "大坟山沿村", 6, 3 },
			new Object[] { "东城街道", "长城村", 7, 4 }, new Object[] { "东城街道", "长恬村", 5, 3 },
			new Object[] { "石柱镇", "前锦村", 8, 5 });

	/** The 5 lagging communities in list order. */
	static final List<Object[]> LAGGING_COMMUNITIES = List.of(new Object[] { "东城街道", "山川坛社区", 4, 0 },
			new Object[] { "东城街道", "平安社区", 5, 1 }, new Object[] { "东城街道", "五金城社区", 4, 1 },
			new Object[] { "东城街道", "园丁社区", 3, 1 }, new Object[] { "东城街道", "卫星社区", 5, 2 });

	/**
	 * Top and bottom three per category and metric, as the seed names them (bottom lists
	 * worst first).
	 */
	static final Map<String, List<String>> RANKINGS = Map.ofEntries(
			Map.entry("RENTAL_HOUSING/hazards_found/top", List.of("东城街道", "古山镇", "西城街道")),
			Map.entry("RENTAL_HOUSING/hazards_found/bottom", List.of("舟山镇", "经济开发区", "现代农业装备高新区")),
			Map.entry("RENTAL_HOUSING/rectification_rate/top", List.of("西溪镇", "舟山镇", "经济开发区")),
			Map.entry("RENTAL_HOUSING/rectification_rate/bottom", List.of("石柱镇", "东城街道", "古山镇")),
			Map.entry("STREET_SHOP/hazards_found/top", List.of("东城街道", "西城街道", "古山镇")),
			Map.entry("STREET_SHOP/hazards_found/bottom", List.of("舟山镇", "现代农业装备高新区", "唐先镇")),
			Map.entry("STREET_SHOP/rectification_rate/top", List.of("现代农业装备高新区", "舟山镇", "西城街道")),
			Map.entry("STREET_SHOP/rectification_rate/bottom", List.of("唐先镇", "江南街道", "象珠镇")),
			Map.entry("THREE_IN_ONE/hazards_found/top", List.of("芝英镇", "经济开发区", "古山镇")),
			Map.entry("THREE_IN_ONE/hazards_found/bottom", List.of("舟山镇", "西溪镇", "唐先镇")),
			Map.entry("THREE_IN_ONE/rectification_rate/top", List.of("经济开发区", "东城街道", "现代农业装备高新区")),
			Map.entry("THREE_IN_ONE/rectification_rate/bottom", List.of("象珠镇", "方岩镇", "石柱镇")));

	private SampleFigures() {
	}

}
