/**
 * Ranking: publishes the snapshot of a campaign and as-of date: figures, top and bottom
 * township rankings with ties, the lagging village and community lists, the files the
 * figures rest on, the gaming checks of the night and the provenance (settings,
 * fingerprints, program version), replacing the date's previous snapshot in one
 * transaction.
 */
package cn.yongkang.campaign.ranking;
