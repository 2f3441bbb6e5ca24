/**
 * Report: the bulletin (通报) as Markdown and Word, and the full tables behind it as an
 * Excel workbook, under {@code reports/<campaign>/<date>/}, all read from one published
 * snapshot. The wording comes from the editable template
 * {@code jobs/bulletin/bulletin.yml}.
 */
package cn.yongkang.campaign.report;
