/**
 * Loaded with `node --require` into each bench:slack target (Askwell's own start-up, dist/adapters/main.js,
 * and the bare Bolt app), so the figures come from the process as it runs in a deployment, with nothing of
 * the benchmark's in it. On the parent's "stats" message it answers how busy the main thread was, its
 * CPU, the event-loop delay and the ack times: request reaching the server → answer sent (node:http's
 * diagnostics channels, so no app code changes). Memory is read by the parent from /proc.
 */
import { subscribe } from "node:diagnostics_channel";
import type { IncomingMessage } from "node:http";
import { readFileSync } from "node:fs";
import { monitorEventLoopDelay } from "node:perf_hooks";
import { isMainThread } from "node:worker_threads";

export interface ProbeStats {
  elu: { idle: number; active: number };
  cpu: { user: number; system: number };
  mainCpuMs: number | null;
  rss: number;
  /** Event-loop delay since the previous stats, ms: how long a ready callback waited (p99, worst). */
  stallP99: number;
  stallMax: number;
  /** p99 of the in-server ack times since the previous stats, ms. */
  ackP99: number;
}

/** CPU time of this process's main thread alone, ms (Linux: /proc; null elsewhere): process.cpuUsage() counts the workers too. */
function mainThreadCpuMs(): number | null {
  try {
    const fields = readFileSync(`/proc/self/task/${process.pid}/stat`, "utf8").split(") ")[1]!.split(" ");
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100;
  } catch {
    return null;
  }
}

function startProbe(): void {
  const ackTimes: number[] = [];
  const started = new WeakMap<IncomingMessage, number>();
  subscribe("http.server.request.start", (message) => started.set((message as { request: IncomingMessage }).request, performance.now()));
  subscribe("http.server.response.finish", (message) => {
    const at = started.get((message as { request: IncomingMessage }).request);
    if (at !== undefined) ackTimes.push(performance.now() - at);
  });
  const delay = monitorEventLoopDelay({ resolution: 10 });
  delay.enable();
  process.on("message", (message) => {
    if (message !== "stats") return;
    const acks = ackTimes.splice(0).sort((a, b) => a - b);
    const ackP99 = acks.length > 0 ? acks[Math.min(acks.length - 1, Math.floor(acks.length * 0.99))]! : 0;
    const stats: ProbeStats = { elu: performance.eventLoopUtilization(), cpu: process.cpuUsage(), mainCpuMs: mainThreadCpuMs(), rss: process.memoryUsage().rss, stallP99: delay.percentile(99) / 1e6, stallMax: delay.max / 1e6, ackP99 };
    process.send?.(stats);
    delay.reset();
  });
  // The benchmark gone, the target goes too.
  process.on("disconnect", () => process.exit(0));
}

// `--require` runs in every thread; the review workers have no part in this.
if (isMainThread && process.send) startProbe();
