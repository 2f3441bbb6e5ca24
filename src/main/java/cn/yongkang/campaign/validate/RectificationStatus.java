package cn.yongkang.campaign.validate;

import java.util.List;
import java.util.Optional;

import cn.yongkang.campaign.support.Fold;

/** The 整改情况 column: the codes tables store, and the words clerks write for each. */
enum RectificationStatus {

	RECTIFIED("已整改", "是", "已完成"), UNRECTIFIED("未整改", "否"), IN_PROGRESS("整改中");

	private final List<String> words;

	RectificationStatus(String... words) {
		this.words = List.of(words);
	}

	String label() {
		return this.words.get(0);
	}

	/** The label first, then the other words clerks write for it. */
	List<String> words() {
		return this.words;
	}

	static Optional<RectificationStatus> parse(String raw) {
		String key = Fold.compact(raw);
		for (RectificationStatus status : values()) {
			if (status.words.contains(key)) {
				return Optional.of(status);
			}
		}
		return Optional.empty();
	}

}
