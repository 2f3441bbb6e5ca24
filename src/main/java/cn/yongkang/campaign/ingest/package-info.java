/**
 * Ingest: finds the night's files under {@code INBOX/<date>/<township>/}, fingerprints
 * them (SHA-256), streams their rows out of xlsx, xls and csv without loading whole
 * workbooks, and stages the raw cell values in {@code staged_row}. Files that cannot be
 * read are quarantined in {@code upload_file} with a reason a clerk can act on; repeated
 * content is marked DUPLICATE.
 */
package cn.yongkang.campaign.ingest;
