package cn.yongkang.campaign.ingest;

import java.nio.file.Path;

import cn.yongkang.campaign.registry.Township;

/**
 * One entry of the night's inbox.
 *
 * @param folder the township folder's name as uploaded (decoded from its bytes), "" for a
 * file outside any folder
 * @param fileName the path inside the township folder
 * @param township the township the folder names, null when it names none
 * @param sha256 the content's hash, {@value #UNREAD} when the file was not read
 * @param problem why the entry cannot be an upload (a link, not a regular file,
 * unreadable), in Chinese; null for a file to read
 * @param deferral why the file is left for the next run (still being written); null
 * otherwise
 */
record InboxFile(Path path, String folder, String fileName, Township township, long size, String sha256, String problem,
		String deferral) {

	static final String UNREAD = "-";

	static InboxFile readable(Path path, String folder, String fileName, Township township, long size, String sha256) {
		return new InboxFile(path, folder, fileName, township, size, sha256, null, null);
	}

	static InboxFile refused(Path path, String folder, String fileName, Township township, String problem) {
		return new InboxFile(path, folder, fileName, township, 0, UNREAD, problem, null);
	}

	static InboxFile deferred(Path path, String folder, String fileName, Township township, long size,
			String deferral) {
		return new InboxFile(path, folder, fileName, township, size, UNREAD, null, deferral);
	}

	/** Folder and name as {@code upload_file} stores them. */
	String storedFolder() {
		return FileNames.stored(this.folder);
	}

	String storedName() {
		return FileNames.stored(this.fileName);
	}

	/** For logs: control characters escaped. */
	String printable() {
		return cn.yongkang.campaign.support.Fold.printable(this.folder + "/" + this.fileName);
	}

}
