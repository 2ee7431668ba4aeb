/**
 * `npm run bench:slack`: signed `/review-ask` requests at a fixed rate against Askwell in HTTP mode and,
 * in the same run, against a bare Bolt app that only acks. Askwell runs as deployed: `npm start`'s
 * command (dist/adapters/main.js, default log level, a SQLite file) in a process of its own, so its
 * memory is what a deployment sees; a probe preloaded into each target reports its figures
 * (./slack-probe.ts). Prints p50/p99 ack latency, their ratio and errors, how busy each target's event
 * loop was, its CPU per request and its RSS idle, once the work queued behind the acks is done, and at
 * its peak. Targets: p99 < 50 ms, ratio ≤ 1.5, zero errors, every request acked inside 3 s and its
 * review posted, RSS < 150 MB after the run.
 *   BENCH_RATE (default 200/s), BENCH_SECONDS (default 30), BENCH_CONNECTIONS (default 20),
 *   BENCH_NODE_ARGS (extra node flags for both targets), REVIEW_WORKERS (passed to Askwell).
 */
import { fork, spawn, type ChildProcess } from "node:child_process";
import { createHmac } from "node:crypto";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createInterface } from "node:readline";
import autocannon from "autocannon";
import { FakeSlackApi } from "../test/fakes/slack-api";
import type { ProbeStats } from "./slack-probe";

const SECRET = "0123456789abcdef0123456789abcdef";
const DRAFT = "Hey Rob, I need you to intro me to the CTO at Gridline ASAP so I can pitch him. Send him a note today.";

type Target = "askwell" | "bare";
interface FakeAddresses {
  apiUrl: string;
  responseUrl: string;
}

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

/** Each target starts with this preloaded: it reports the target's figures over IPC (./slack-probe.ts). */
const PROBE = join(__dirname, "slack-probe.js");

interface Started {
  process: ChildProcess;
  port: number;
  /** Removes what the target left on disk, once it has exited. */
  cleanUp(): void;
}

/** Resolves with the port of the first line of `stream` that logs "askwell started"; keeps reading the rest (the logs are dropped). */
function startedPort(stream: NodeJS.ReadableStream, exited: Promise<number | null>): Promise<number> {
  return new Promise((resolve, reject) => {
    const lines = createInterface({ input: stream });
    lines.on("line", (line) => {
      if (!line.includes('"askwell started"')) return;
      resolve((JSON.parse(line) as { port: number }).port);
    });
    void exited.then((code) => reject(new Error(`askwell exited on start (code ${code})`)));
  });
}

/**
 * Askwell exactly as deployed: `node dist/adapters/main.js` with its server flags, Slack over HTTP on a
 * SQLite file, the default log level (its logs read and dropped), in a directory of its own (no .env).
 */
async function startAskwell(fake: FakeAddresses): Promise<Started> {
  const dir = mkdtempSync(join(tmpdir(), "askwell-bench-"));
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    SLACK_BOT_TOKEN: "xoxb-bench",
    SLACK_SIGNING_SECRET: SECRET,
    SLACK_API_URL: fake.apiUrl,
    PORT: "0",
    DATABASE_URL: `sqlite:${join(dir, "bench.db")}`,
    ...(process.env.REVIEW_WORKERS ? { REVIEW_WORKERS: process.env.REVIEW_WORKERS } : {}),
  };
  const server = spawn(process.execPath, [...nodeArgs(), "--require", PROBE, join(__dirname, "..", "adapters", "main.js")], { cwd: dir, env, stdio: ["ignore", "ignore", "pipe", "ipc"] });
  const exited = new Promise<number | null>((resolve) => server.once("exit", resolve));
  const port = await startedPort(server.stderr!, exited);
  return { process: server, port, cleanUp: () => rmSync(dir, { recursive: true, force: true }) };
}

/** The reference: a bare Bolt app that only acks (./slack-bare.ts), started the same way. */
async function startBare(fake: FakeAddresses): Promise<Started> {
  const server = fork(join(__dirname, "slack-bare.js"), [SECRET, fake.apiUrl], { stdio: ["ignore", "inherit", "inherit", "ipc"], execArgv: [...nodeArgs(), "--require", PROBE] });
  const port = await new Promise<number>((resolve) => server.once("message", (message) => resolve((message as { port: number }).port)));
  return { process: server, port, cleanUp: () => undefined };
}

/** Node flags for both targets on top of Askwell's own (BENCH_NODE_ARGS). */
function nodeArgs(): string[] {
  return process.env.BENCH_NODE_ARGS?.split(" ").filter(Boolean) ?? [];
}

/** Peak resident memory of a process so far (VmHWM), MB; null where /proc is not there. */
function peakRssMb(pid: number | undefined): number | null {
  try {
    const kb = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, "utf8"))?.[1];
    return kb ? Number(kb) / 1024 : null;
  } catch {
    return null;
  }
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
  /** The target's RSS when started (idle), once the load and its follow-up work are over, and its peak, MB. */
  rssBefore: number;
  rssAfter: number;
  rssPeak: number | null;
  /** Reviews posted to the response_url (Askwell) during the load and the settle time after it. */
  answered: number;
  /** The target's event-loop delay during the load, ms. */
  stallP99: number;
  stallMax: number;
  /** Inside the target: request reaching the app → answer sent, p99, ms (the rest of the client's figure is the machine). */
  serverAckP99: number;
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

function startFake(): Promise<{ process: ChildProcess; message: FakeAddresses }> {
  const started = fork(__filename, ["--fake"], { stdio: ["ignore", "inherit", "inherit", "ipc"] });
  return new Promise((resolve) => started.once("message", (message) => resolve({ process: started, message: message as FakeAddresses })));
}

async function load(target: Target, fake: { process: ChildProcess; message: FakeAddresses }, rate: number, seconds: number, connections: number): Promise<Figures> {
  const started = await (target === "askwell" ? startAskwell(fake.message) : startBare(fake.message));
  const { process: server, port } = started;
  const { responseUrl } = fake.message;
  const answeredBefore = (await ask<{ responses: number }>(fake.process, "responses")).responses;
  const before = await ask<ProbeStats>(server, "stats");
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
    const after = await ask<ProbeStats>(server, "stats");
    await new Promise((resolve) => setTimeout(resolve, SETTLE_MS));
    const settled = await ask<ProbeStats>(server, "stats");
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
      rssPeak: peakRssMb(server.pid),
      answered,
      stallP99: after.stallP99,
      stallMax: after.stallMax,
      serverAckP99: after.ackP99,
    };
  } finally {
    const exited = new Promise((resolve) => server.once("exit", resolve));
    server.kill();
    await exited;
    started.cleanUp();
  }
}

async function main(): Promise<void> {
  const rate = Number(process.env.BENCH_RATE ?? 200);
  const seconds = Number(process.env.BENCH_SECONDS ?? 30);
  const connections = Number(process.env.BENCH_CONNECTIONS ?? 20);
  console.log(`bench:slack — signed /review-ask at ${rate}/s for ${seconds} s, ${connections} connections, HTTP mode`);
  const fake = await startFake();
  const bare = await load("bare", fake, rate, seconds, connections);
  const askwell = await load("askwell", fake, rate, seconds, connections);
  fake.process.disconnect();
  const row = (name: string, f: Figures) => `${name.padEnd(22)} p50 ${String(f.p50).padStart(4)} ms   p99 ${String(f.p99).padStart(4)} ms   max ${String(f.max).padStart(5)} ms   requests ${f.requests}   errors ${f.errors}`;
  const usage = (name: string, f: Figures) =>
    `${name.padEnd(22)} event loop busy ${(100 * f.busy).toFixed(0).padStart(3)}%   CPU/request ${f.cpuPerRequest.toFixed(2)} ms (main thread ${f.mainCpuPerRequest?.toFixed(2) ?? "?"})   in-server ack p99 ${f.serverAckP99.toFixed(1)} ms   loop delay p99 ${f.stallP99.toFixed(0)} ms (max ${f.stallMax.toFixed(0)})   RSS ${f.rssBefore.toFixed(0)} → ${f.rssAfter.toFixed(0)} MB (peak ${f.rssPeak?.toFixed(0) ?? "?"})` + (name === "Askwell" ? `   reviews posted ${f.answered}` : "");
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
else
  main().catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  });
