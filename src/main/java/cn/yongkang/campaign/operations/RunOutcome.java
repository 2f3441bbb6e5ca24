package cn.yongkang.campaign.operations;

/**
 * What a run, rerun or restart request led to: the execution that ran, or the earlier one
 * that had already done the date.
 */
public record RunOutcome(RunRecord run, boolean alreadyDone) {

	public boolean succeeded() {
		return this.run.completed();
	}

}
