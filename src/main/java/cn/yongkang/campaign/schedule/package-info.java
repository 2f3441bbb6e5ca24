/**
 * The nightly schedule: a Quartz cron trigger (JDBC job store on the same database,
 * clustered) that hands each firing to the same launcher the command line uses.
 */
package cn.yongkang.campaign.schedule;
