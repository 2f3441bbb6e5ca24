/**
 * Bulk paths into the database: which database this is (the one place that knows), rows
 * appended with {@code COPY} on PostgreSQL or JDBC batches elsewhere, and the planner
 * statistics refreshed after a bulk load. The stages use it; it knows none of them.
 */
package cn.yongkang.campaign.bulk;
