package cn.yongkang.campaign.validate;

import java.time.LocalDate;

/** A row that passed validation: clean values, its identity key and any warnings. */
record AcceptedRow(long fileId, int rowNumber, String townshipCode, String identityKey, String hazardRef,
		String villageCode, String category, String premises, String address, String description, LocalDate foundOn,
		RectificationStatus status, LocalDate rectifiedOn, String inspector, String contact, String warnings) {
}
