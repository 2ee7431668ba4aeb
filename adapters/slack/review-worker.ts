/** Runs the deterministic engine in a worker thread for the review pool (./review-pool.ts). */
import { parentPort } from "node:worker_threads";
import { review } from "../../src/core/review";
import type { ReviewContext } from "../../src/core/types";

parentPort?.on("message", (job: { id: number; draft: string; context?: ReviewContext }) => {
  try {
    parentPort!.postMessage({ id: job.id, result: review(job.draft, job.context) });
  } catch (error) {
    parentPort!.postMessage({ id: job.id, error: error instanceof Error ? error.message : String(error) });
  }
});
