package cn.yongkang.campaign.support;

/**
 * A stage whose work for a date must be undone before a rerun that starts at it does it
 * again. The pipeline calls {@link #resetForRerun} once per rerun, in the transaction of
 * the stage's first unit of work, so a crash leaves either both or neither.
 */
public interface RerunReset {

	void resetForRerun(RunParameters run);

}
