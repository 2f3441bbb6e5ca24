package cn.yongkang.campaign.operations;

/** A registered township as the registry mirror in the database holds it. */
public record TownshipRecord(String code, String name, String type) {
}
