package cn.yongkang.campaign.selfservice;

import java.io.InputStream;

/**
 * One file a township account sends.
 *
 * @param townshipCode the account's township: the only folder the file can go to,
 * whatever the request says
 * @param fileName the file name the browser sent, untrusted
 * @param clientAddress the address the request came from, for the audit trail
 */
public record Upload(String login, String townshipCode, String fileName, InputStream content, String clientAddress) {
}
