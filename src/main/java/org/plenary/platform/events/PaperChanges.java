package org.plenary.platform.events;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * Which papers changed, as this instance knows it, and the reads cached until they change next.
 *
 * <p>Every change records an event (see {@link EventLog}); once that transaction has committed, the
 * paper's <em>generation</em> moves on. A cached read is tagged with the generation current before
 * it went to the database and is served only while that generation is still current, so a read that
 * raced with a commit is never served after the commit became visible here. The writer moves the
 * generation before it answers, so whoever made a change reads it back at once.
 *
 * <p>Changes made by another instance reach this one through PostgreSQL's notifications (the live
 * feature's {@code LiveListener} calls {@link #changed} for each event it hears, and {@link
 * #changedEverywhere} after it could not hear for a while).
 */
@ApplicationScoped
public class PaperChanges {

  private final AtomicLong clock = new AtomicLong();
  private final AtomicLong everywhere = new AtomicLong();
  private final ConcurrentHashMap<Long, Long> generations = new ConcurrentHashMap<>();
  private final Cache<Key, Tagged> reads =
      Caffeine.newBuilder().maximumSize(20_000).<Key, Tagged>build();

  @Inject TransactionSynchronizationRegistry transactions;

  private record Key(long paperId, String what) {}

  private record Tagged(long generation, Object value) {}

  /** The paper's current generation on this instance. */
  public long generation(long paperId) {
    return Math.max(generations.getOrDefault(paperId, 0L), everywhere.get());
  }

  /**
   * {@code what} of the paper, from the cache while the paper has not changed since it was loaded,
   * otherwise from {@code load} (which may throw; failures are not cached).
   */
  @SuppressWarnings("unchecked")
  public <T> T cached(long paperId, String what, Supplier<T> load) {
    Key key = new Key(paperId, what);
    long generation = generation(paperId);
    Tagged hit = reads.getIfPresent(key);
    if (hit != null && hit.generation() == generation) {
      return (T) hit.value();
    }
    T value = load.get();
    reads.put(key, new Tagged(generation, value));
    return value;
  }

  /** Marks the paper changed now: call after the change has committed. */
  public void changed(long paperId) {
    long next = clock.incrementAndGet();
    generations.merge(paperId, next, Math::max);
  }

  /** Marks every paper changed now (changes may have been missed). */
  public void changedEverywhere() {
    everywhere.set(clock.incrementAndGet());
  }

  /** Marks the paper changed when the current JTA transaction commits. */
  public void changedOnCommit(long paperId) {
    transactions.registerInterposedSynchronization(
        new Synchronization() {
          @Override
          public void beforeCompletion() {}

          @Override
          public void afterCompletion(int status) {
            if (status == Status.STATUS_COMMITTED) {
              changed(paperId);
            }
          }
        });
  }
}
