/** The in-process reminder runner: sweeps due reminders on an interval with the real clock. */
import { randomUUID } from "node:crypto";
import { hostname } from "node:os";
import type { Owner, ReminderDelivery } from "../core/ports";
import type { Logger } from "../logger";
import type { TrackerService } from "./tracker-service";

export interface ReminderRunner {
  /** Runs one sweep now (also what the interval does); resolves when it is done. */
  runOnce(): Promise<void>;
  stop(): Promise<void>;
}

export function newRunnerId(): string {
  return `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
}

export function startReminderRunner(
  tracker: TrackerService,
  delivery: ReminderDelivery,
  options: { intervalMs: number; leaseMs: number; logger?: Logger; clock?: () => Date; platforms?: readonly Owner["platform"][] },
): ReminderRunner {
  const runnerId = newRunnerId();
  const clock = options.clock ?? (() => new Date());
  let current: Promise<void> = Promise.resolve();
  let stopped = false;

  const sweep = async (): Promise<void> => {
    const result = await tracker.runDueReminders(clock(), delivery, { runnerId, leaseMs: options.leaseMs, ...(options.platforms ? { platforms: options.platforms } : {}) });
    if (!result.ok) options.logger?.warn({ code: result.code }, "reminder sweep skipped");
    else if (result.value.delivered + result.value.failed > 0) options.logger?.info({ runnerId, ...result.value }, "reminder sweep");
  };
  const runOnce = (): Promise<void> => {
    // One sweep at a time: a slow sweep is never overlapped by the next tick.
    current = current.then(() => (stopped ? undefined : sweep()));
    return current;
  };
  const timer = setInterval(() => void runOnce(), options.intervalMs);
  timer.unref();
  return {
    runOnce,
    async stop() {
      stopped = true;
      clearInterval(timer);
      await current;
    },
  };
}
