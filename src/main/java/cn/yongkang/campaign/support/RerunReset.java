package cn.yongkang.campaign.support;

/**
 * A stage whose work for a date must be undone before a rerun that starts at it does it
 * again. The pipeline calls {@link #resetForRerun} once per rerun, in a transaction of
 * its own, before the stage starts its work; a restart after a crash may call it again,
 * so it must only start the stage over.
 */
public interface RerunReset {

	void resetForRerun(RunParameters run);

}
