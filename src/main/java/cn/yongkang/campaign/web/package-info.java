/**
 * The web console ({@code serve}): server-rendered pages in Chinese (Thymeleaf), JSON
 * beside them under {@code /api}, accounts and roles (Spring Security). A thin adapter:
 * actions go through the operations service, figures are read from the snapshot tables.
 */
package cn.yongkang.campaign.web;
