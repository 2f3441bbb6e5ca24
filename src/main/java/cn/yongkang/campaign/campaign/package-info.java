/**
 * Campaign definitions: {@code jobs/campaigns/<id>.yml}, with the period, the categories,
 * the participating townships and the ranking and lagging-list settings that the stages
 * read.
 */
package cn.yongkang.campaign.campaign;
