package cn.yongkang.campaign.registry;

import java.util.List;

/**
 * A township-level unit: 镇, 街道, or one of the functional zones (区), which have no
 * villages.
 */
public record Township(String code, String name, String type, List<String> aliases, int order) {

	public static final String ZONE_TYPE = "区";

	public boolean isZone() {
		return ZONE_TYPE.equals(this.type);
	}

}
