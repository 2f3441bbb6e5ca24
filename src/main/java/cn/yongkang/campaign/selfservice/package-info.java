/**
 * Township self-service: the night's reading and row rules on one upload at once, storing
 * nothing in {@code hazard} or any snapshot ({@link LedgerCheck}); uploads stored safely
 * into the inbox with an audit trail ({@link TownshipUploads}); a ledger template whose
 * dropdowns and date cells prevent the common rejections ({@link LedgerTemplate}). It
 * reads with ingest's readers and judges with validate's rules, so the instant answer is
 * the night's.
 */
package cn.yongkang.campaign.selfservice;
