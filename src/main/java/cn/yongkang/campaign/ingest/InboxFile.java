package cn.yongkang.campaign.ingest;

import java.nio.file.Path;

import cn.yongkang.campaign.registry.Township;

/**
 * One file of the night's inbox.
 *
 * @param folder the township folder's name as uploaded, "" for a file outside any folder
 * @param fileName the path inside the township folder
 * @param township the township the folder names, null when it names none
 */
record InboxFile(Path path, String folder, String fileName, Township township, long size, String sha256) {
}
