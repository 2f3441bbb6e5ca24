package cn.yongkang.campaign.validate;

/** The raw text of one staged row, as the clerk typed it; null for an empty cell. */
record StagedValues(long fileId, int rowNumber, String hazardRef, String township, String village, String category,
		String premises, String address, String hazard, String foundOn, String status, String rectifiedOn,
		String inspector, String contact) {

	/** The raw values in {@code staged_row} column order, from hazard_ref to contact. */
	Object[] values() {
		return new Object[] { this.hazardRef, this.township, this.village, this.category, this.premises, this.address,
				this.hazard, this.foundOn, this.status, this.rectifiedOn, this.inspector, this.contact };
	}

}
