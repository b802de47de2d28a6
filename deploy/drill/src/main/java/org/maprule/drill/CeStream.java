package org.maprule.drill;

import java.net.URI;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.maprule.parity.Answer;

/**
 * A paced stream of the workload's requests through HAProxy, round-robin, by
 * {@value #WORKERS} threads at a fixed rate, split into labelled phases; every answer is judged
 * ({@link Workload#judge}) as it arrives.
 */
final class CeStream {
  /** Sending threads. */
  static final int WORKERS = 8;

  private final Lab lab;
  private final Workload load;
  private final long periodNanos;
  private final AtomicInteger next = new AtomicInteger();
  private final AtomicInteger completed = new AtomicInteger();
  private final AtomicLong stopAt = new AtomicLong(Long.MAX_VALUE);
  private final ConcurrentLinkedQueue<Outcome> outcomes = new ConcurrentLinkedQueue<>();
  private final List<String> phases = new ArrayList<>();
  private final List<Thread> workers = new ArrayList<>();
  private volatile int phase;
  private long t0;
  private long t1;

  CeStream(Lab lab, Workload load, int rate) {
    this.lab = lab;
    this.load = load;
    this.periodNanos = 1_000_000_000L / rate;
  }

  /** Starts sending; the requests from now on belong to phase {@code firstPhase}. */
  void start(String firstPhase) {
    phases.add(firstPhase);
    t0 = System.nanoTime();
    for (int w = 0; w < WORKERS; w++) {
      Thread t = new Thread(this::work, "drill-ce-" + w);
      t.setDaemon(true);
      t.start();
      workers.add(t);
    }
  }

  /** Starts a new labelled phase: the requests sent from now on belong to it. */
  void phase(String label) {
    phases.add(label);
    phase = phases.size() - 1;
  }

  /**
   * Waits until {@code n} more requests have completed.
   *
   * @throws IllegalStateException when the stream stalls for the scenario timeout
   */
  void await(int n) throws InterruptedException {
    int target = completed.get() + n;
    long deadline = System.nanoTime() + Scenario.TIMEOUT.toNanos();
    while (completed.get() < target) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("the stream stalled at " + completed.get() + " requests");
      }
      Thread.sleep(5);
    }
  }

  /** Stops sending, waits for the requests in flight, and gives what happened. */
  Result.Run stop() throws InterruptedException {
    stopAt.set(next.get());
    for (Thread t : workers) {
      t.join(Scenario.TIMEOUT.toMillis());
    }
    t1 = System.nanoTime();
    return new Result.Run(List.copyOf(phases), List.copyOf(outcomes), (t1 - t0) / 1e9);
  }

  private void work() {
    while (true) {
      int i = next.getAndIncrement();
      if (i >= stopAt.get()) {
        return;
      }
      long due = t0 + i * periodNanos;
      long wait;
      while ((wait = due - System.nanoTime()) > 0) {
        LockSupport.parkNanos(wait);
      }
      if (i >= stopAt.get()) {
        return;
      }
      outcomes.add(send(i));
      completed.incrementAndGet();
    }
  }

  private Outcome send(int i) {
    Workload.Item item = load.items().get(i % load.items().size());
    int ph = phase;
    String before = lab.mode;
    Answer actual;
    String served = "-";
    try {
      HttpResponse<byte[]> a = lab.get(URI.create(lab.front() + item.request().target()),
          item.request().headers());
      served = a.headers().firstValue("x-drill-origin").orElse("-");
      actual = Answer.of(a.statusCode(), a.headers()::allValues, a.body(), Workload.COMPARED);
    } catch (Exception e) {
      if (e instanceof InterruptedException) {
        Thread.currentThread().interrupt();
      }
      actual = Answer.none(e.toString());
    }
    Workload.Verdict v = Workload.judge(item, actual, served);
    return new Outcome(i, ph, before, lab.mode, actual.status(), served, v.failed(),
        v.wrongBody(), v.detail());
  }
}
