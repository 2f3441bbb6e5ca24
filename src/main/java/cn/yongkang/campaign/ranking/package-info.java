/**
 * Ranking: publishes the snapshot of a campaign and as-of date (SPEC §8, §10): figures,
 * top and bottom township rankings with ties, and the lagging village and community
 * lists, replacing the date's previous snapshot in one transaction.
 */
package cn.yongkang.campaign.ranking;
