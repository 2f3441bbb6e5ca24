/**
 * Statistics: hazards found and rectified per township × category and village × category
 * for a campaign and as-of date, computed by SQL aggregates in the database, never row by
 * row in Java. Results wait in the {@code work_*} tables for the ranking stage to
 * publish.
 */
package cn.yongkang.campaign.statistics;
