/**
 * The operator console: {@code run}, {@code status}, {@code restart}, {@code rerun},
 * {@code backfill}, {@code abandon}, {@code schedule}. Results go to stdout, logs and the
 * one-line reason of a failure to stderr; the exit status is 0 on success.
 */
package cn.yongkang.campaign.operator;
