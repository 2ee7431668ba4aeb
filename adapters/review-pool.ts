/**
 * Deterministic reviews on a few worker threads, for the chat servers: the thread that acks Slack and
 * answers Teams never runs the engine, each review has a time limit, and one user's slow draft never
 * holds up anyone else's. A review that overruns is answered `review_too_complex` and its worker is
 * replaced (terminating a thread stops even a runaway regular expression).
 *
 * Scheduling: jobs wait in one queue and go to the first idle, warmed-up worker; one requester never
 * holds more than all but one of the workers, so with two or more there is always a worker for others.
 */
import { existsSync } from "node:fs";
import { join } from "node:path";
import { Worker, parentPort, type ResourceLimits } from "node:worker_threads";
import type { ReviewContext, ReviewResult } from "../src/core/types";
import { AskwellError, refused, type Result } from "../src/errors";
import type { Logger } from "../src/logger";

export const TOO_COMPLEX_CODE = "review_too_complex";
export const TOO_COMPLEX_MESSAGE = "That draft is too complex for me to review quickly — try a shorter version: just the message you plan to send.";

/** A review, or the kind refusal a draft gets when reviewing it took too long. */
export type PoolReview = Result<ReviewResult, typeof TOO_COMPLEX_CODE>;

export interface ReviewPool {
  /** `requester`: who asked (a platform-neutral user id); it bounds how many workers one person's drafts hold. */
  review(draft: string, context: ReviewContext | undefined, requester: string): Promise<PoolReview>;
  close(): Promise<void>;
}

/** The pool cannot review at all (its workers do not start): callers review on their own thread. */
export class PoolUnavailableError extends AskwellError {
  constructor(detail: string) {
    super("review_pool_unavailable", `review pool unavailable: ${detail}`);
  }
}

export interface ReviewPoolOptions {
  /** Worker threads (REVIEW_WORKERS). */
  size: number;
  /** REVIEW_TIME_LIMIT_MS: from the moment a worker starts a review. */
  timeLimitMs: number;
  logger?: Logger;
  /** The worker script; default the compiled ./review-worker.js next to this file. */
  workerFile?: string;
  /** Heap limits of each worker: a small young generation keeps the process's memory flat under load. */
  resourceLimits?: ResourceLimits;
}

/** A worker's young generation stays small (V8's default lets it grow to 32 MB per thread); a runaway draft meets the old-generation cap. */
const DEFAULT_LIMITS: ResourceLimits = { maxYoungGenerationSizeMb: 4, maxOldGenerationSizeMb: 256 };
/** Workers that die before they are ready, in a row, before the pool gives up (a broken build, not a draft). */
const MAX_START_FAILURES = 3;

type ToWorker = { id: number; draft: string; context?: ReviewContext };
type FromWorker = { ready: true } | { id: number; result: ReviewResult } | { id: number; error: string };

interface Job extends ToWorker {
  requester: string;
  resolve(outcome: PoolReview): void;
  reject(error: Error): void;
  timer?: NodeJS.Timeout;
}

interface Slot {
  worker: Worker;
  ready: boolean;
  job: Job | null;
}

/** Starts the pool, or returns null when there is no worker script (ts-jest runs sources, not dist/). */
export function startReviewPool(options: ReviewPoolOptions): ReviewPool | null {
  const file = options.workerFile ?? join(__dirname, "review-worker.js");
  if (!existsSync(file)) return null;
  const { logger, timeLimitMs } = options;
  const size = Math.max(1, options.size);
  const perRequester = Math.max(1, size - 1);
  const queue: Job[] = [];
  const running = new Map<string, number>();
  let nextId = 0;
  let closed = false;
  let startFailures = 0;
  let broken: PoolUnavailableError | null = null;

  const spawn = (slot: Slot): Worker => {
    const worker = new Worker(file, { resourceLimits: options.resourceLimits ?? DEFAULT_LIMITS });
    worker.unref();
    const current = () => !closed && !broken && slot.worker === worker;
    worker.on("message", (message: FromWorker) => {
      if (!current()) return;
      if ("ready" in message) {
        slot.ready = true;
        startFailures = 0;
        return pump();
      }
      const job = slot.job;
      if (!job || job.id !== message.id) return;
      finish(slot, job);
      if ("result" in message) job.resolve({ ok: true, value: message.result });
      else job.reject(new AskwellError("review_failed", message.error));
      pump();
    });
    worker.on("error", (error) => logger?.error({ err: error.message }, "review worker failed"));
    worker.on("exit", (code) => {
      if (!current()) return;
      const job = slot.job;
      if (job) {
        // Out of memory or a crash while reviewing: a draft the engine cannot handle, told like an overrun.
        finish(slot, job);
        logger?.warn({ code, chars: job.draft.length }, "review worker died during a review; replaced");
        job.resolve(tooComplex());
      } else if (!slot.ready && ++startFailures >= MAX_START_FAILURES) {
        return giveUp(`its workers exit on start (code ${code})`);
      }
      replace(slot);
    });
    return worker;
  };

  const slots: Slot[] = [];
  for (let i = 0; i < size; i++) {
    const slot: Slot = { worker: undefined as unknown as Worker, ready: false, job: null };
    slot.worker = spawn(slot);
    slots.push(slot);
  }

  function tooComplex(): PoolReview {
    return refused(TOO_COMPLEX_CODE, TOO_COMPLEX_MESSAGE);
  }

  function replace(slot: Slot): void {
    const old = slot.worker;
    slot.ready = false;
    slot.worker = spawn(slot);
    void old.terminate();
  }

  function finish(slot: Slot, job: Job): void {
    clearTimeout(job.timer);
    slot.job = null;
    const count = (running.get(job.requester) ?? 1) - 1;
    if (count > 0) running.set(job.requester, count);
    else running.delete(job.requester);
  }

  function pump(): void {
    for (const slot of slots) {
      if (!slot.ready || slot.job) continue;
      const next = queue.findIndex((job) => (running.get(job.requester) ?? 0) < perRequester);
      if (next < 0) return;
      const job = queue.splice(next, 1)[0]!;
      slot.job = job;
      running.set(job.requester, (running.get(job.requester) ?? 0) + 1);
      job.timer = setTimeout(() => overran(slot, job), timeLimitMs);
      slot.worker.postMessage({ id: job.id, draft: job.draft, context: job.context } satisfies ToWorker);
    }
  }

  function overran(slot: Slot, job: Job): void {
    if (slot.job !== job) return;
    finish(slot, job);
    logger?.warn({ limitMs: timeLimitMs, chars: job.draft.length }, "review over its time limit; worker replaced");
    job.resolve(tooComplex());
    replace(slot);
    pump();
  }

  function giveUp(detail: string): void {
    broken = new PoolUnavailableError(detail);
    logger?.error({ err: broken.message }, "review pool stopped; reviewing on the main thread");
    void rejectAll(broken);
  }

  /** Every waiting and running job fails with `error` (callers then review on their own thread); the workers stop. */
  function rejectAll(error: PoolUnavailableError): Promise<unknown> {
    for (const job of queue.splice(0)) job.reject(error);
    for (const slot of slots) {
      if (!slot.job) continue;
      clearTimeout(slot.job.timer);
      slot.job.reject(error);
      slot.job = null;
    }
    return Promise.all(slots.map((slot) => slot.worker.terminate()));
  }

  return {
    review(draft, context, requester) {
      if (broken) return Promise.reject(broken);
      if (closed) return Promise.reject(new PoolUnavailableError("closed"));
      return new Promise<PoolReview>((resolve, reject) => {
        queue.push({ id: nextId++, draft, ...(context ? { context } : {}), requester, resolve, reject });
        pump();
      });
    },
    async close() {
      closed = true;
      await rejectAll(new PoolUnavailableError("closed"));
    },
  };
}

/** A worker's side of the pool: warms the engine up (weights, patterns), says it is ready, then reviews. */
export function serveReviews(review: (draft: string, context?: ReviewContext) => ReviewResult): void {
  const port = parentPort;
  if (!port) throw new Error("serveReviews runs in a worker thread");
  review("Hi Dana, could you introduce me to Sam at Acme? We met at the fintech meetup.");
  port.on("message", (job: ToWorker) => {
    let answer: FromWorker;
    try {
      answer = { id: job.id, result: review(job.draft, job.context) };
    } catch (error) {
      answer = { id: job.id, error: error instanceof Error ? error.message : String(error) };
    }
    port.postMessage(answer);
  });
  port.postMessage({ ready: true } satisfies FromWorker);
}
