/**
 * Keeping the main thread responsive on a partner's page: long work runs in slices with a yield between them
 * (no task over 50 ms, Total Blocking Time), and what the first screen does not need waits for idle time.
 */

/** A slice's budget: under Lighthouse's mobile profile (CPU 4× slower) a slice still stays under 50 ms. */
const sliceMs = 8;

type Scheduler = { yield?: () => Promise<void> };

/** Lets the browser paint and handle input before the rest: `scheduler.yield()` where it exists, else a task. */
export function yieldToMain(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: Scheduler }).scheduler;
  if (typeof scheduler?.yield === 'function') return scheduler.yield();
  return new Promise((resolve) => setTimeout(resolve, 0));
}

/** Runs `callback` when the browser is idle (`requestIdleCallback`), or soon after where it is missing (Safari). */
export function whenIdle(callback: () => void, timeout = 500): void {
  if (typeof requestIdleCallback === 'function') requestIdleCallback(() => callback(), { timeout });
  else setTimeout(callback, 1);
}

/** Runs a generator of steps to its end at once (Node, tests, the stored copy a repeat visit paints from). */
export function runSteps<T>(steps: Generator<void, T>): T {
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/** Runs a generator of steps in slices of a few milliseconds, yielding to the main thread between them. */
export async function runStepsInSlices<T>(steps: Generator<void, T>): Promise<T> {
  let deadline = performance.now() + sliceMs;
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
    if (performance.now() >= deadline) {
      await yieldToMain();
      deadline = performance.now() + sliceMs;
    }
  }
}

/** `items.map(map)` in slices that yield to the main thread between them. */
export function mapInSlices<T, U>(items: readonly T[], map: (item: T) => U): Promise<U[]> {
  return runStepsInSlices(
    (function* () {
      const mapped: U[] = [];
      for (const item of items) {
        yield;
        mapped.push(map(item));
      }
      return mapped;
    })(),
  );
}
