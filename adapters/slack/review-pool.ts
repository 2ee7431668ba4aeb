/**
 * The deterministic review on worker threads, so the event loop that acks Slack's requests is never
 * busy with the engine: under load an ack waits only for other acks. Falls back to reviewing on the
 * calling thread when the worker file is missing (ts-jest runs sources, not dist/) or a worker fails.
 */
import { existsSync } from "node:fs";
import { join } from "node:path";
import { Worker } from "node:worker_threads";
import type { ReviewContext, ReviewResult } from "../../src/core/types";
import type { Logger } from "../../src/logger";

export type ReviewNow = (draft: string, context?: ReviewContext) => Promise<ReviewResult>;

export interface ReviewPool {
  reviewNow: ReviewNow;
  close(): Promise<void>;
}

type Pending = { worker: Worker; resolve: (r: ReviewResult) => void; reject: (e: Error) => void };

export function startReviewPool(options: { size?: number; logger?: Logger; workerFile?: string } = {}): ReviewPool | null {
  const file = options.workerFile ?? join(__dirname, "review-worker.js");
  if (!existsSync(file)) return null;
  const pending = new Map<number, Pending>();
  let nextId = 0;
  let closed = false;

  const spawn = (): Worker => {
    const worker = new Worker(file);
    worker.unref();
    worker.on("message", (message: { id: number; result?: ReviewResult; error?: string }) => {
      const job = pending.get(message.id);
      if (!job) return;
      pending.delete(message.id);
      if (message.result) job.resolve(message.result);
      else job.reject(new Error(message.error ?? "review failed"));
    });
    worker.on("error", (error) => options.logger?.error({ err: error.message }, "slack: review worker failed"));
    worker.on("exit", () => {
      if (closed) return;
      // Jobs of a dead worker fail (the caller then reviews in-thread); a fresh worker takes its place.
      for (const [id, job] of pending) {
        if (job.worker !== worker) continue;
        pending.delete(id);
        job.reject(new Error("review worker exited"));
      }
      workers[workers.indexOf(worker)] = spawn();
    });
    return worker;
  };
  const workers = Array.from({ length: Math.max(1, options.size ?? 1) }, spawn);

  return {
    reviewNow(draft, context) {
      const id = nextId++;
      const worker = workers[id % workers.length]!;
      return new Promise<ReviewResult>((resolve, reject) => {
        pending.set(id, { worker, resolve, reject });
        worker.postMessage({ id, draft, context });
      });
    },
    async close() {
      closed = true;
      await Promise.all(workers.map((w) => w.terminate()));
    },
  };
}
