package cn.yongkang.campaign.operations;

/**
 * A request started in the background, as its requester learns of it at once: the
 * execution it started, or the outcome when it needed no new execution (already done).
 *
 * @param executionId the execution now running, null when none was started
 * @param outcome the finished outcome when the request ended before the wait did
 */
public record Submission(Long executionId, RunOutcome outcome) {
}
