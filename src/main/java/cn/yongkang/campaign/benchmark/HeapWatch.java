package cn.yongkang.campaign.benchmark;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.util.concurrent.atomic.AtomicLong;

import javax.management.Notification;
import javax.management.NotificationEmitter;
import javax.management.NotificationListener;
import javax.management.openmbean.CompositeData;

import com.sun.management.GarbageCollectionNotificationInfo;

/**
 * Watches the heap while the benchmark runs. Two figures: the highest heap use seen
 * (sampled; it includes garbage the collector has not reclaimed yet, so it approaches the
 * maximum heap by design) and the highest heap use right after a collection, which is
 * what the work really keeps alive.
 */
final class HeapWatch implements AutoCloseable {

	private final AtomicLong peakUsed = new AtomicLong();

	private final AtomicLong peakLive = new AtomicLong();

	/** Highest use sampled and after a collection, per second of wall clock. */
	private final java.util.concurrent.ConcurrentSkipListMap<Long, long[]> perSecond = new java.util.concurrent.ConcurrentSkipListMap<>();

	private final NotificationListener listener = this::collected;

	private final Thread sampler;

	private volatile boolean running = true;

	HeapWatch() {
		System.gc();
		ManagementFactory.getGarbageCollectorMXBeans()
			.forEach((gc) -> ((NotificationEmitter) gc).addNotificationListener(this.listener, null, null));
		this.sampler = new Thread(() -> {
			while (this.running) {
				long used = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
				this.peakUsed.accumulateAndGet(used, Math::max);
				record(0, used);
				try {
					Thread.sleep(10);
				}
				catch (InterruptedException ex) {
					return;
				}
			}
		}, "heap-watch");
		this.sampler.setDaemon(true);
		this.sampler.start();
	}

	private void collected(Notification notification, Object handback) {
		if (!GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(notification.getType())) {
			return;
		}
		GarbageCollectionNotificationInfo info = GarbageCollectionNotificationInfo
			.from((CompositeData) notification.getUserData());
		long live = 0;
		for (var pool : ManagementFactory.getMemoryPoolMXBeans()) {
			MemoryUsage after = info.getGcInfo().getMemoryUsageAfterGc().get(pool.getName());
			if (pool.getType() == MemoryType.HEAP && after != null) {
				live += after.getUsed();
			}
		}
		this.peakLive.accumulateAndGet(live, Math::max);
		record(1, live);
	}

	private void record(int which, long bytes) {
		long[] peaks = this.perSecond.computeIfAbsent(System.currentTimeMillis() / 1000, (second) -> new long[2]);
		synchronized (peaks) {
			peaks[which] = Math.max(peaks[which], bytes);
		}
	}

	/**
	 * The highest use sampled between two instants (to the second), e.g. during one step.
	 */
	long peakUsedBetween(java.time.Instant from, java.time.Instant to) {
		return this.perSecond.subMap(from.getEpochSecond(), true, to.getEpochSecond(), true)
			.values()
			.stream()
			.mapToLong((peaks) -> peaks[0])
			.max()
			.orElse(0);
	}

	long peakUsed() {
		return this.peakUsed.get();
	}

	long peakLiveAfterCollection() {
		return this.peakLive.get();
	}

	static long maxHeap() {
		return Runtime.getRuntime().maxMemory();
	}

	@Override
	public void close() {
		this.running = false;
		this.sampler.interrupt();
		for (var gc : ManagementFactory.getGarbageCollectorMXBeans()) {
			try {
				((NotificationEmitter) gc).removeNotificationListener(this.listener);
			}
			catch (javax.management.ListenerNotFoundException ex) {
				// already gone
			}
		}
	}

}
