package cn.yongkang.campaign.sample;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import cn.yongkang.campaign.sample.SampleInputGenerator.Content;
import cn.yongkang.campaign.sample.SampleInputGenerator.Kind;
import cn.yongkang.campaign.sample.SampleInputGenerator.Township;
import cn.yongkang.campaign.sample.SampleInputGenerator.Village;

import static cn.yongkang.campaign.sample.SampleInputGenerator.stripPrefix;

/**
 * Realistic ledger text: premises names, addresses (unique per township), hazard
 * descriptions, inspectors and mobile numbers, all drawn from the generator's seeded
 * {@link Random}.
 */
final class LedgerTexts {

	static final List<String> SURNAMES = List.of("胡", "应", "吕", "李", "陈", "程", "徐", "朱", "王", "周", "楼", "俞", "卢", "颜",
			"施", "童", "杜", "章", "金", "黄", "吴", "潘", "夏", "叶", "郑", "丁", "孙", "董", "赵", "刘");

	static final List<String> GIVEN = List.of("建平", "晓东", "伟军", "丽娟", "志强", "海燕", "国庆", "永明", "建华", "小芳", "红英", "立新",
			"俊杰", "文斌", "利军", "美芳", "卫东", "锦涛", "晓燕", "春雷", "鑫", "斌", "波", "慧");

	static final List<String> SHOP_BRANDS = List.of("永兴", "鑫达", "兴旺", "佳美", "金鼎", "宏远", "阿福", "老王", "顺发", "恒丰", "华丰",
			"新丰", "荣昌", "万福", "好又多", "惠民", "福满多", "鸿运", "金诚", "如意", "小胡", "阿英", "兄弟", "乐购", "联华", "红星", "小李", "老街",
			"缙云", "沙县");

	static final List<String> SHOP_TYPES = List.of("五金店", "小吃店", "超市", "理发店", "便利店", "电动车行", "建材店", "副食品店", "快餐店",
			"早餐店", "服装店", "烟酒店", "手机店", "水果店", "面馆", "汽修店", "棋牌室", "五金机电店", "日杂店", "馒头店", "烧饼店", "洗车店", "家电维修店", "药店");

	static final List<String> COMPANY_BRANDS = List.of("恒达", "金鹰", "华盛", "博凯", "荣达", "鑫源", "凯利", "佳和", "众诚", "东升", "锦鸿",
			"瑞丰", "昌盛", "宏发", "欧凯", "飞翔", "伟业", "中和", "德辉", "金品", "浩宇", "新力", "驰骋", "泰宝", "银河");

	static final List<String> COMPANY_TYPES = List.of("工贸有限公司", "五金厂", "五金制品厂", "门业有限公司", "杯业有限公司", "电器有限公司", "工具厂",
			"塑料制品厂", "车业有限公司", "金属制品有限公司", "喷涂加工厂", "包装材料厂");

	static final List<String> WORKSHOPS = List.of("五金加工点", "杯业加工作坊", "抛光加工点", "门业配件加工点", "电动工具组装点");

	static final List<String> VILLAGE_ROADS = List.of("新村路", "中心街", "前街", "后街", "环村路", "文化路", "兴村路", "工业路", "上塘路",
			"下塘路", "溪边路", "老街", "大会堂路", "村口路", "新屋路", "后山路", "祠堂路", "塘沿路");

	/** Streets of the city centre, for the communities of the three 街道. */
	static final List<String> CITY_ROADS = List.of("紫微北路", "丽州中路", "华溪北路", "望春东路", "金城路", "九铃东路", "胜利街", "解放街", "城北路",
			"溪心路", "东城路", "西城路", "江南路", "南苑路", "府前路", "环城北路", "总部中心金州大道");

	/**
	 * Streets of a town seat, for the communities (居委会) of a 镇; {@code %s} is the town's
	 * short name.
	 */
	static final List<String> TOWN_ROADS = List.of("%s大街", "%s中路", "%s北路", "%s南路", "新华街", "人民路", "市场路", "车站路", "府前街",
			"学前路");

	static final Map<String, List<String>> ZONE_ROADS = Map.of("330784K01000",
			List.of("金都路", "名园南大道", "九鼎路", "金星大道", "五金城路", "金川路", "泰山路", "科源路", "兴业路"), "330784K02000",
			List.of("园区大道", "农机路", "新能源路", "创业路", "科技大道", "装备路", "金胜路"));

	static final Map<Kind, List<String>> PROBLEMS = Map.of(Kind.RENTAL_HOUSING,
			List.of("电动自行车在楼道内停放充电", "私拉乱接电线", "未配备灭火器", "疏散通道堵塞", "防盗窗未留逃生口", "液化气钢瓶放置在住人房间内", "未安装独立式感烟火灾探测报警器",
					"楼梯间堆放杂物", "电动自行车入户充电", "安全出口数量不足", "电气线路未穿管保护", "应急照明灯损坏", "疏散指示标志缺失", "出租房内使用大功率电器", "屋顶违规搭建住人"),
			Kind.STREET_SHOP,
			List.of("未配备灭火器", "灭火器过期未检", "私拉乱接电线", "店内住人且未有效防火分隔", "疏散通道堵塞", "液化气钢瓶与灶具间距不足", "门口堆放可燃物", "消防设施损坏未维修",
					"电气线路老化", "夜间店内留宿人员", "卷帘门内未设逃生门", "阁楼住人", "电动自行车在店内充电", "燃气管道未安装泄漏报警装置"),
			Kind.THREE_IN_ONE,
			List.of("住人与生产经营场所未有效防火分隔", "安全出口数量不足", "防盗窗未留逃生口", "消防设施损坏未维修", "员工宿舍设在厂房内", "生产车间内电动自行车充电", "原材料堆放占用疏散通道",
					"未设置室内消火栓", "应急照明及疏散指示标志损坏", "私拉乱接电线", "仓库与住人区域未分隔", "喷涂作业区域未独立设置", "疏散楼梯堆放成品"));

	static final List<String> MOBILE_PREFIXES = List.of("133", "135", "136", "137", "138", "139", "150", "151", "152",
			"157", "158", "159", "177", "181", "187", "188", "189", "199");

	static final List<String> OPEN_NOTES = List.of("", "", "", "已下发整改通知书", "限期整改", "房东在外地，已电话告知", "");

	static final List<String> DONE_NOTES = List.of("", "", "已复查", "已复查销号", "");

	final Random random;

	final Set<String> addresses = new HashSet<>();

	final Map<String, List<String>> inspectors = new LinkedHashMap<>();

	LedgerTexts(Random random) {
		this.random = random;
	}

	Content content(Township township, Village village, Kind kind, double addressPrefix) {
		return new Content(premises(kind), address(township, village, kind, addressPrefix), problem(kind),
				inspector(township), mobile(), pick(OPEN_NOTES), pick(DONE_NOTES));
	}

	String premises(Kind kind) {
		return switch (kind) {
			case RENTAL_HOUSING ->
				pick(SURNAMES) + "某" + ((this.random.nextInt(3) == 0) ? pick(GIVEN).substring(0, 1) : "某")
						+ ((this.random.nextInt(4) == 0) ? "出租屋" : "出租房");
			case STREET_SHOP -> pick(SHOP_BRANDS) + pick(SHOP_TYPES);
			case THREE_IN_ONE -> (this.random.nextInt(4) == 0) ? pick(SURNAMES) + "某某" + pick(WORKSHOPS)
					: "永康市" + pick(COMPANY_BRANDS) + pick(COMPANY_TYPES);
		};
	}

	/**
	 * Unique per township (after dropping the township prefix, as the pipeline does), so
	 * that township, village, category, address and hazard text identify a hazard.
	 */
	String address(Township township, Village village, Kind kind, double prefixShare) {
		while (true) {
			String body;
			if (village == null) {
				String zone = township.code().equals("330784K01000") ? "经济开发区" : "现代农业装备高新区";
				body = zone + pick(ZONE_ROADS.get(township.code())) + (1 + this.random.nextInt(600)) + "号";
			}
			else if (village.isCommunity()) {
				String road = township.name().endsWith("街道") ? pick(CITY_ROADS)
						: pick(TOWN_ROADS).replace("%s", township.name().replace("镇", ""));
				body = road + (1 + this.random.nextInt(300)) + "号"
						+ (kind == Kind.RENTAL_HOUSING ? (1 + this.random.nextInt(12)) + "幢" : "");
			}
			else {
				String road = (kind == Kind.THREE_IN_ONE && this.random.nextBoolean()) ? "工业区" : pick(VILLAGE_ROADS);
				body = village.name() + road + (1 + this.random.nextInt(120)) + "号";
			}
			if (this.addresses.add(township.code() + stripPrefix(township, body))) {
				boolean prefixed = village != null && this.random.nextDouble() < prefixShare;
				return (prefixed ? township.name() : "") + body;
			}
		}
	}

	String problem(Kind kind) {
		List<String> pool = PROBLEMS.get(kind);
		String first = pick(pool);
		if (this.random.nextInt(10) < 3) {
			String second = pick(pool);
			if (!second.equals(first)) {
				return first + "，" + second;
			}
		}
		return first;
	}

	String inspector(Township township) {
		List<String> pool = this.inspectors.computeIfAbsent(township.code(), (code) -> {
			List<String> names = new ArrayList<>();
			while (names.size() < 4) {
				String name = pick(SURNAMES) + pick(GIVEN);
				if (!names.contains(name)) {
					names.add(name);
				}
			}
			return names;
		});
		String one = pool.get(this.random.nextInt(pool.size()));
		if (this.random.nextInt(4) == 0) {
			String two = pool.get(this.random.nextInt(pool.size()));
			return two.equals(one) ? one : one + "、" + two;
		}
		return one;
	}

	String mobile() {
		return pick(MOBILE_PREFIXES) + String.format("%08d", this.random.nextInt(100_000_000));
	}

	private String pick(List<String> values) {
		return values.get(this.random.nextInt(values.size()));
	}

}
