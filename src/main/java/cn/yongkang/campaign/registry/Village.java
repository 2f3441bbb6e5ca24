package cn.yongkang.campaign.registry;

import java.util.List;

/**
 * A village (行政村, kind {@code 村}) or a community (社区, kind {@code 社区}) of one township.
 */
public record Village(String code, String townshipCode, String name, String kind, List<String> aliases) {

	public static final String VILLAGE = "村";

	public static final String COMMUNITY = "社区";

}
