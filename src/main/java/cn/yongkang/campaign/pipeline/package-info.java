/**
 * The nightly job: {@link NightlyJobConfiguration} is the one place where the order of
 * the stages is written. {@link PipelineLauncher} starts, restarts and reruns it for the
 * command line and the scheduler alike, with one guard against running a date twice at
 * once.
 */
package cn.yongkang.campaign.pipeline;
