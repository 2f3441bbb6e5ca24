/**
 * Dedupe: one {@code hazard} per identity. {@link HazardKey} defines the identity; the
 * stage merges each file's accepted rows into {@code hazard} with set-based SQL and keeps
 * every change in {@code hazard_history} with the file it came from.
 */
package cn.yongkang.campaign.dedupe;
