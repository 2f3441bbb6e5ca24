package cn.yongkang.campaign.registry;

import java.nio.file.Path;

import org.springframework.stereotype.Component;

/**
 * The registry of a job execution, loaded from {@code jobs/regions/} once per execution
 * rather than once per file: the files of a night, on whatever thread, validate against
 * the same registry. Keeps only the latest execution's (a process runs one at a time,
 * nearly always); another execution simply loads its own.
 */
@Component
public class Registries {

	private record Loaded(Path jobs, long jobExecutionId, Registry registry) {
	}

	private volatile Loaded last;

	public Registry forExecution(Path jobs, long jobExecutionId) {
		Loaded loaded = this.last;
		if (loaded != null && loaded.jobExecutionId() == jobExecutionId && loaded.jobs().equals(jobs)) {
			return loaded.registry();
		}
		synchronized (this) {
			loaded = this.last;
			if (loaded == null || loaded.jobExecutionId() != jobExecutionId || !loaded.jobs().equals(jobs)) {
				loaded = new Loaded(jobs, jobExecutionId, Registry.load(jobs));
				this.last = loaded;
			}
			return loaded.registry();
		}
	}

}
