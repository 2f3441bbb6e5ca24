/**
 * Benchmark: the {@code benchmark} command generates a large messy upload, runs the real
 * job on it and prints rows per second and peak heap, so speed and memory goals are
 * measured rather than asserted in timed tests.
 */
package cn.yongkang.campaign.benchmark;
