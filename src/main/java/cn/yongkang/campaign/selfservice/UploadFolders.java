package cn.yongkang.campaign.selfservice;

import java.nio.file.Path;

/**
 * Where uploads go ({@code INBOX/<date>/<township>/}), where the registry is, and where
 * each upload's 退回清单 is kept ({@code reports/uploads/<date>/<township>/}).
 */
public record UploadFolders(Path inbox, Path jobs, Path reports) {
}
