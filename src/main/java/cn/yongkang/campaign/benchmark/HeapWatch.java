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

	private final NotificationListener listener = this::collected;

	private final Thread sampler;

	private volatile boolean running = true;

	HeapWatch() {
		System.gc();
		ManagementFactory.getGarbageCollectorMXBeans()
			.forEach((gc) -> ((NotificationEmitter) gc).addNotificationListener(this.listener, null, null));
		this.sampler = new Thread(() -> {
			while (this.running) {
				this.peakUsed.accumulateAndGet(ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed(),
						Math::max);
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
