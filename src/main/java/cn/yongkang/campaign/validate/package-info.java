/**
 * Validate: applies the ledger row rules to every staged row, writes the accepted rows
 * (with their identity key) to {@code validated_row} and the others, with every reason in
 * Chinese, to {@code rejected_row}; stores each file's reconciliation counts; writes each
 * township's feedback workbook (退回清单).
 */
package cn.yongkang.campaign.validate;
