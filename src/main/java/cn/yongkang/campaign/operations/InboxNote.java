package cn.yongkang.campaign.operations;

import java.time.LocalDate;

/**
 * Why something in the inbox was left for the next run or not run at all; a night not run
 * has an empty file name.
 */
public record InboxNote(LocalDate date, String townshipFolder, String fileName, String note) {
}
