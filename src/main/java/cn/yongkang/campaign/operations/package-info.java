/**
 * The one operations service behind the command line, the schedule and the console: run,
 * rerun, restart, abandon, stop, backfill and status, each answered with records
 * ({@link cn.yongkang.campaign.operations.RunRecord}, ...). The adapters
 * ({@code operator}, {@code web}) only parse requests and present these records.
 */
package cn.yongkang.campaign.operations;
