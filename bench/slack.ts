/**
 * `npm run bench:slack`: signed `/review-ask` requests at a fixed rate against Askwell in HTTP mode and,
 * in the same run, against a bare Bolt app that only acks. Each target runs in its own child process
 * (so the load generator does not share its event loop); prints p50/p99 ack latency, their ratio and
 * errors, how busy each target's event loop was, its CPU per request and its RSS once the work queued
 * behind the acks is done. Targets: p99 < 50 ms, ratio ≤ 1.5, zero errors, every request acked inside
 * 3 s and its review posted, RSS < 150 MB after the run.
 *   BENCH_RATE (default 200/s), BENCH_SECONDS (default 30), BENCH_CONNECTIONS (default 20).
 */
import { fork, type ChildProcess } from "node:child_process";
import { monitorEventLoopDelay } from "node:perf_hooks";
import { createHmac } from "node:crypto";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import autocannon from "autocannon";
import { App, ExpressReceiver } from "@slack/bolt";
import type { Express } from "express";
import { createHttpServer } from "../adapters/http/server";
import { createSlackApp } from "../adapters/slack/app";
import { startReviewPool } from "../adapters/review-pool";
import { parseReviewPoolConfig } from "../src/config/reviews";
import { databaseHealthCheck } from "../adapters/slack/start";
import { parseSlackConfig } from "../src/config/slack";
import { parseStorageConfig } from "../src/config/storage";
import { createLogger } from "../src/logger";
import { rulesOnlyReviewService } from "../src/review-service";
import { openStore } from "../src/storage";
import { createTrackerService } from "../src/tracker";
import { FakeSlackApi } from "../test/fakes/slack-api";

const SECRET = "0123456789abcdef0123456789abcdef";
const DRAFT = "Hey Rob, I need you to intro me to the CTO at Gridline ASAP so I can pitch him. Send him a note today.";
const logger = createLogger({ level: "silent" });

type Target = "askwell" | "bare";

/** The fake Slack Web API (and response_url host) in a process of its own, so it costs the targets nothing. */
async function serveFake(): Promise<void> {
  const fake = await new FakeSlackApi().start();
  fake.recording = false;
  process.send?.({ apiUrl: fake.apiUrl, responseUrl: fake.responseUrl("bench") });
  process.on("message", (message) => {
    if (message === "responses") process.send?.({ responses: fake.responseCount });
  });
  process.on("disconnect", () => process.exit(0));
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

/** Server-side ack times, ms: from the request reaching the app to its answer being sent (collected in the target). */
const ackTimes: number[] = [];

/** Times every request inside the target, so its own share of the ack latency shows apart from the machine's. */
function timeAcks(app: Express): void {
  app.use((_req, res, next) => {
    const started = performance.now();
    res.once("finish", () => ackTimes.push(performance.now() - started));
    next();
  });
}

/** Child side: start one target on a free port, tell the parent, serve until killed. */
async function serve(target: Target, fake: { apiUrl: string; responseUrl: string }): Promise<void> {
  let dir: string | undefined;
  if (target === "askwell") {
    dir = mkdtempSync(join(tmpdir(), "askwell-bench-"));
    const env = { SLACK_BOT_TOKEN: "xoxb-bench", SLACK_SIGNING_SECRET: SECRET, SLACK_API_URL: fake.apiUrl, PORT: "0", DATABASE_URL: `sqlite:${join(dir, "bench.db")}` };
    const storage = parseStorageConfig(env);
    const store = await openStore(storage);
    const tracker = createTrackerService(store, { policy: storage.policy, storeDrafts: false });
    const http = createHttpServer({ port: 0, host: "127.0.0.1", logger, healthCheck: databaseHealthCheck(store) });
    timeAcks(http.app);
    const poolConfig = parseReviewPoolConfig(process.env);
    const reviewPool = process.env.BENCH_IN_THREAD ? null : startReviewPool({ size: poolConfig.workers, timeLimitMs: poolConfig.timeLimitMs, logger });
    await createSlackApp({ config: parseSlackConfig(env), http, deps: { reviews: rulesOnlyReviewService(), tracker, logger, now: () => new Date(), reviewPool } });
    const port = await http.start();
    process.send?.({ port });
  } else {
    const http = createHttpServer({ port: 0, host: "127.0.0.1", logger });
    timeAcks(http.app);
    const receiver = new ExpressReceiver({ signingSecret: SECRET, app: http.app, processBeforeResponse: false });
    const app = new App({ receiver, token: "xoxb-bench", botId: "B1", botUserId: "UBOT", tokenVerificationEnabled: false, clientOptions: { slackApiUrl: fake.apiUrl } });
    app.command("/review-ask", async ({ ack }) => {
      await ack();
    });
    const port = await http.start();
    process.send?.({ port });
  }
  // Figures the parent asks for before and after its load: main-thread busy time, stalls and memory.
  const delay = monitorEventLoopDelay({ resolution: 10 });
  delay.enable();
  process.on("message", (message) => {
    if (message !== "stats") return;
    const acks = ackTimes.splice(0).sort((a, b) => a - b);
    const ackP99 = acks.length > 0 ? acks[Math.min(acks.length - 1, Math.floor(acks.length * 0.99))]! : 0;
    process.send?.({ elu: performance.eventLoopUtilization(), cpu: process.cpuUsage(), mainCpuMs: mainThreadCpuMs(), rss: process.memoryUsage().rss, stallP99: delay.percentile(99) / 1e6, stallMax: delay.max / 1e6, ackP99 });
    delay.reset();
  });
  const exit = () => {
    if (dir) rmSync(dir, { recursive: true, force: true });
    process.exit(0);
  };
  process.on("disconnect", exit);
  process.on("SIGTERM", exit);
}

function signedHeaders(body: string): Record<string, string> {
  const ts = Math.floor(Date.now() / 1000);
  return {
    "content-type": "application/x-www-form-urlencoded",
    "x-slack-request-timestamp": String(ts),
    "x-slack-signature": `v0=${createHmac("sha256", SECRET).update(`v0:${ts}:${body}`).digest("hex")}`,
  };
}

interface Figures {
  p50: number;
  p99: number;
  max: number;
  requests: number;
  errors: number;
  /** The target's event loop: share of the load's wall time spent busy. */
  busy: number;
  /** Process CPU (all threads) per request, ms, the follow-up work included. */
  cpuPerRequest: number;
  /** The main thread's share of it (null where /proc is not there). */
  mainCpuPerRequest: number | null;
  /** The target's RSS when started (idle), and once the load and its follow-up work are over, MB. */
  rssBefore: number;
  rssAfter: number;
  /** Reviews posted to the response_url (Askwell) during the load and the settle time after it. */
  answered: number;
  /** The target's event-loop delay during the load, ms. */
  stallP99: number;
  stallMax: number;
  /** Inside the target: request reaching the app → answer sent, p99, ms (the rest of the client's figure is the machine). */
  serverAckP99: number;
}

interface Stats {
  elu: { idle: number; active: number };
  cpu: { user: number; system: number };
  mainCpuMs: number | null;
  rss: number;
  /** Event-loop delay since the previous stats, ms: how long a ready callback waited (p99, worst). */
  stallP99: number;
  stallMax: number;
  /** p99 of the server-side ack times since the previous stats, ms. */
  ackP99: number;
}

/** Sends `request` to a child and resolves with its next message. */
function ask<T>(target: ChildProcess, request: string): Promise<T> {
  return new Promise((resolve) => {
    target.once("message", (message) => resolve(message as T));
    target.send(request);
  });
}

/** Time for work queued behind the last ack (reviews, response_url posts) to finish before RSS is read. */
const SETTLE_MS = 3000;

function child<T>(args: string[]): Promise<{ process: ChildProcess; message: T }> {
  const started = fork(__filename, args, { stdio: ["ignore", "inherit", "inherit", "ipc"], execArgv: process.env.BENCH_NODE_ARGS?.split(" ") ?? [] });
  return new Promise((resolve) => started.once("message", (message) => resolve({ process: started, message: message as T })));
}

async function load(target: Target, fake: { process: ChildProcess; message: { apiUrl: string; responseUrl: string } }, rate: number, seconds: number, connections: number): Promise<Figures> {
  const { process: server, message } = await child<{ port: number }>(["--serve", target, JSON.stringify(fake.message)]);
  const { port } = message;
  const { responseUrl } = fake.message;
  const answeredBefore = (await ask<{ responses: number }>(fake.process, "responses")).responses;
  const before = await ask<Stats>(server, "stats");
  let n = 0;
  const bodyFor = () =>
    new URLSearchParams({ token: "x", team_id: "T0001", user_id: `U${(n++ % 50) + 1}`, command: "/review-ask", text: DRAFT, response_url: responseUrl, trigger_id: `t${n}`, channel_id: "C1", api_app_id: "A1" }).toString();
  try {
    const result = await autocannon({
      url: `http://127.0.0.1:${port}`,
      connections,
      duration: seconds,
      overallRate: rate,
      timeout: 3,
      requests: [
        {
          method: "POST",
          path: "/slack/events",
          setupRequest: (req) => {
            const body = bodyFor();
            return { ...req, body, headers: signedHeaders(body) };
          },
        },
      ],
    });
    const errors = result.errors + result.timeouts + result.non2xx;
    const after = await ask<Stats>(server, "stats");
    await new Promise((resolve) => setTimeout(resolve, SETTLE_MS));
    const settled = await ask<Stats>(server, "stats");
    const active = after.elu.active - before.elu.active;
    const busy = active / Math.max(1, active + after.elu.idle - before.elu.idle);
    const cpuMs = (settled.cpu.user + settled.cpu.system - before.cpu.user - before.cpu.system) / 1000;
    const mainCpuMs = settled.mainCpuMs !== null && before.mainCpuMs !== null ? settled.mainCpuMs - before.mainCpuMs : null;
    const answered = (await ask<{ responses: number }>(fake.process, "responses")).responses - answeredBefore;
    return {
      p50: result.latency.p50,
      p99: result.latency.p99,
      max: result.latency.max,
      requests: result.requests.total,
      errors,
      busy,
      cpuPerRequest: cpuMs / Math.max(1, result.requests.total),
      mainCpuPerRequest: mainCpuMs === null ? null : mainCpuMs / Math.max(1, result.requests.total),
      rssBefore: before.rss / 2 ** 20,
      rssAfter: settled.rss / 2 ** 20,
      answered,
      stallP99: after.stallP99,
      stallMax: after.stallMax,
      serverAckP99: after.ackP99,
    };
  } finally {
    server.disconnect();
    server.kill();
  }
}

async function main(): Promise<void> {
  const rate = Number(process.env.BENCH_RATE ?? 200);
  const seconds = Number(process.env.BENCH_SECONDS ?? 30);
  const connections = Number(process.env.BENCH_CONNECTIONS ?? 20);
  console.log(`bench:slack — signed /review-ask at ${rate}/s for ${seconds} s, ${connections} connections, HTTP mode`);
  const fake = await child<{ apiUrl: string; responseUrl: string }>(["--fake"]);
  const bare = await load("bare", fake, rate, seconds, connections);
  const askwell = await load("askwell", fake, rate, seconds, connections);
  fake.process.disconnect();
  const row = (name: string, f: Figures) => `${name.padEnd(22)} p50 ${String(f.p50).padStart(4)} ms   p99 ${String(f.p99).padStart(4)} ms   max ${String(f.max).padStart(5)} ms   requests ${f.requests}   errors ${f.errors}`;
  const usage = (name: string, f: Figures) =>
    `${name.padEnd(22)} event loop busy ${(100 * f.busy).toFixed(0).padStart(3)}%   CPU/request ${f.cpuPerRequest.toFixed(2)} ms (main thread ${f.mainCpuPerRequest?.toFixed(2) ?? "?"})   in-server ack p99 ${f.serverAckP99.toFixed(1)} ms   loop delay p99 ${f.stallP99.toFixed(0)} ms (max ${f.stallMax.toFixed(0)})   RSS ${f.rssBefore.toFixed(0)} → ${f.rssAfter.toFixed(0)} MB` + (name === "Askwell" ? `   reviews posted ${f.answered}` : "");
  console.log(row("bare Bolt (ack only)", bare));
  console.log(row("Askwell", askwell));
  console.log(usage("bare Bolt (ack only)", bare));
  console.log(usage("Askwell", askwell));
  const ratio = askwell.p99 / Math.max(bare.p99, 1);
  console.log(`p99 ratio Askwell/bare: ${ratio.toFixed(2)}`);
  const checks = [
    [`Askwell p99 < 50 ms`, askwell.p99 < 50],
    [`p99 ratio ≤ 1.5`, ratio <= 1.5],
    [`zero errors`, askwell.errors + bare.errors === 0],
    [`every acked review posted`, askwell.answered >= askwell.requests],
    [`Askwell RSS < 150 MB after the run`, askwell.rssAfter < 150],
    [`every request acked inside 3 s`, askwell.max < 3000 && bare.max < 3000],
  ] as const;
  for (const [name, passed] of checks) console.log(`${passed ? "PASS" : "MISS"}  ${name}`);
}

if (process.argv[2] === "--fake") void serveFake();
else if (process.argv[2] === "--serve") void serve(process.argv[3] as Target, JSON.parse(process.argv[4]!) as { apiUrl: string; responseUrl: string });
else
  main().catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  });
