/**
 * A fake Slack Web API on 127.0.0.1 for tests and the benchmark. It answers the methods Askwell calls
 * the way Slack does (`{ ok: true, … }`), records every call, hosts `response_url`s under
 * `/response/<id>`, and can be told to fail the next calls of a method (429 with Retry-After, 500).
 */
import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";

export interface SlackApiCall {
  method: string;
  /** Form fields, with JSON fields (blocks, view, users…) parsed. */
  args: Record<string, unknown>;
  token: string | null;
  /** The HTTP status the fake answered (200, or a failure the test asked for). */
  status: number;
}

export interface ResponseUrlCall {
  id: string;
  body: Record<string, unknown>;
}

export interface Failure {
  status: number;
  headers?: Record<string, string>;
  body?: unknown;
}

type Waiter = { match: (call: SlackApiCall | ResponseUrlCall) => boolean; resolve: (call: SlackApiCall | ResponseUrlCall) => void };

const JSON_FIELDS = new Set(["blocks", "view", "attachments", "metadata"]);

export class FakeSlackApi {
  readonly calls: SlackApiCall[] = [];
  /** Users `users.info` reports as workspace admins. */
  readonly workspaceAdmins = new Set<string>();
  readonly responses: ResponseUrlCall[] = [];
  /** Messages returned by conversations.replies, keyed by channel; a test sets them. */
  readonly threads = new Map<string, Array<{ ts: string; text: string; user?: string; thread_ts?: string }>>();
  private readonly failures = new Map<string, Failure[]>();
  private readonly waiters: Waiter[] = [];
  private server: Server | undefined;
  private port = 0;
  private tsCounter = 1;
  /** Only counts; never records (used by the benchmark to keep memory flat). */
  recording = true;
  /** POSTs to any response_url so far, recorded or not. */
  responseCount = 0;

  constructor(readonly identity = { teamId: "T0001", botUserId: "UBOT", botId: "B0001" }) {}

  async start(): Promise<this> {
    this.server = createServer((req, res) => {
      void this.handle(req).then(
        ({ status, headers, body }) => {
          res.writeHead(status, { "content-type": "application/json", ...headers });
          res.end(JSON.stringify(body));
        },
        () => {
          res.writeHead(500);
          res.end();
        },
      );
    });
    await new Promise<void>((resolve) => this.server!.listen(0, "127.0.0.1", resolve));
    this.port = (this.server.address() as AddressInfo).port;
    return this;
  }

  async stop(): Promise<void> {
    const server = this.server;
    this.server = undefined;
    if (!server) return;
    await new Promise<void>((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections();
    });
  }

  /** The Web API base URL to give the app (SLACK_API_URL). */
  get apiUrl(): string {
    return `http://127.0.0.1:${this.port}/api/`;
  }

  responseUrl(id: string): string {
    return `http://127.0.0.1:${this.port}/response/${id}`;
  }

  /** The next `count` calls of `method` fail with this status (then it answers normally again). */
  failNext(method: string, failure: Failure, count = 1): void {
    const queue = this.failures.get(method) ?? [];
    for (let i = 0; i < count; i++) queue.push(failure);
    this.failures.set(method, queue);
  }

  callsTo(method: string): SlackApiCall[] {
    return this.calls.filter((c) => c.method === method);
  }

  responsesTo(id: string): ResponseUrlCall[] {
    return this.responses.filter((r) => r.id === id);
  }

  /** Resolves with the first recorded Web API call (past or future) of `method` that matches. */
  waitForCall(method: string, match: (call: SlackApiCall) => boolean = () => true, skip = 0): Promise<SlackApiCall> {
    let seen = 0;
    const test = (c: SlackApiCall | ResponseUrlCall): boolean => "method" in c && c.method === method && c.status === 200 && match(c) && seen++ >= skip;
    const found = this.calls.find(test);
    if (found) return Promise.resolve(found);
    return new Promise((resolve) => this.waiters.push({ match: test, resolve: resolve as (c: SlackApiCall | ResponseUrlCall) => void }));
  }

  /** Resolves with the `n`th (0-based) POST to the response_url `id`. */
  waitForResponse(id: string, n = 0): Promise<ResponseUrlCall> {
    let seen = 0;
    const test = (c: SlackApiCall | ResponseUrlCall): boolean => "id" in c && c.id === id && seen++ >= n;
    const found = this.responses.find(test);
    if (found) return Promise.resolve(found);
    return new Promise((resolve) => this.waiters.push({ match: test, resolve: resolve as (c: SlackApiCall | ResponseUrlCall) => void }));
  }

  private notify(call: SlackApiCall | ResponseUrlCall): void {
    for (let i = 0; i < this.waiters.length; i++) {
      const waiter = this.waiters[i]!;
      if (waiter.match(call)) {
        this.waiters.splice(i--, 1);
        waiter.resolve(call);
      }
    }
  }

  private async handle(req: IncomingMessage): Promise<{ status: number; headers?: Record<string, string>; body: unknown }> {
    const raw = await readBody(req);
    const url = new URL(req.url ?? "/", "http://127.0.0.1");
    const responseMatch = /^\/response\/([^/]+)$/.exec(url.pathname);
    if (req.method === "POST" && responseMatch) {
      const call = { id: responseMatch[1]!, body: raw ? (JSON.parse(raw) as Record<string, unknown>) : {} };
      this.responseCount++;
      if (this.recording) this.responses.push(call);
      this.notify(call);
      return { status: 200, body: { ok: true } };
    }
    const apiMatch = /^\/api\/([\w.]+)$/.exec(url.pathname);
    if (!apiMatch) return { status: 404, body: { ok: false, error: "unknown_path" } };
    const method = apiMatch[1]!;
    const args = parseArgs(raw, req.headers["content-type"] ?? "");
    const auth = req.headers.authorization;
    const token = auth?.startsWith("Bearer ") ? auth.slice(7) : typeof args.token === "string" ? args.token : null;
    const failure = this.failures.get(method)?.shift();
    const call = { method, args, token, status: failure?.status ?? 200 };
    if (this.recording) this.calls.push(call);
    if (failure) return { status: failure.status, headers: failure.headers, body: failure.body ?? { ok: false, error: failure.status === 429 ? "ratelimited" : "internal_error" } };
    this.notify(call);
    return { status: 200, body: this.answer(method, args) };
  }

  private answer(method: string, args: Record<string, unknown>): unknown {
    const { teamId, botUserId, botId } = this.identity;
    switch (method) {
      case "auth.test":
        return { ok: true, url: "https://fake.slack.com/", team: "Fake", user: "askwell", team_id: teamId, user_id: botUserId, bot_id: botId };
      case "chat.postMessage":
      case "chat.postEphemeral":
        return { ok: true, channel: args.channel, ts: `1700000000.${String(this.tsCounter++).padStart(6, "0")}`, message_ts: `1700000000.${String(this.tsCounter++).padStart(6, "0")}` };
      case "chat.update":
        return { ok: true, channel: args.channel, ts: args.ts };
      case "conversations.open":
        return { ok: true, channel: { id: `D${String(args.users ?? "").replace(/^U/, "")}` } };
      case "conversations.replies": {
        const messages = this.threads.get(String(args.channel)) ?? [];
        const root = String(args.ts);
        return { ok: true, messages: messages.filter((m) => m.ts === root || m.thread_ts === root), has_more: false };
      }
      case "views.open":
      case "views.publish":
      case "views.update":
      case "views.push":
        return { ok: true, view: { id: `V${this.tsCounter++}`, ...(args.view as object) } };
      case "oauth.v2.access":
        return {
          ok: true,
          app_id: "A1",
          access_token: `xoxb-installed-${teamId}`,
          token_type: "bot",
          scope: "commands,chat:write",
          bot_user_id: botUserId,
          team: { id: teamId, name: "Fake" },
          enterprise: null,
          is_enterprise_install: false,
          authed_user: { id: "UINSTALLER" },
        };
      case "users.info":
        return { ok: true, user: { id: args.user, tz: "Europe/Paris", is_admin: this.workspaceAdmins.has(String(args.user)) } };
      default:
        return { ok: true };
    }
  }
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    req.on("error", reject);
  });
}

function parseArgs(raw: string, contentType: string): Record<string, unknown> {
  if (!raw) return {};
  if (contentType.includes("application/json")) return JSON.parse(raw) as Record<string, unknown>;
  const args: Record<string, unknown> = {};
  for (const [key, value] of new URLSearchParams(raw)) args[key] = JSON_FIELDS.has(key) ? JSON.parse(value) : value;
  return args;
}
