import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

/**
 * A local OpenAI-compatible server for tests: serves `POST /v1/chat/completions` on 127.0.0.1 with
 * replies scripted per test, in order, and records every request it receives.
 */
export interface FakeReply {
  status?: number;
  headers?: Record<string, string>;
  /** A JSON body, or a raw string sent as is. */
  body: unknown;
  /** Holds the answer this long (for "slower than the timeout"); the reply is dropped if the client gave up. */
  delayMs?: number;
}

export interface RecordedRequest {
  method: string;
  path: string;
  headers: Record<string, string | string[] | undefined>;
  body: {
    model?: string;
    messages?: { role: string; content: string }[];
    response_format?: { type: string; json_schema?: { name: string; strict?: boolean; schema: unknown } };
  } & Record<string, unknown>;
}

export interface FakeOpenAi {
  /** The base URL to give the client, ending in `/v1`. */
  baseURL: string;
  requests: RecordedRequest[];
  /** Queues replies; each request takes the next one. An unscripted request gets a 500 that says so. */
  script(...replies: FakeReply[]): void;
  /** Forgets the scripted replies and the recorded requests (between tests). */
  reset(): void;
  close(): Promise<void>;
}

export async function startFakeOpenAi(): Promise<FakeOpenAi> {
  const queue: FakeReply[] = [];
  const requests: RecordedRequest[] = [];
  const delays = new Set<NodeJS.Timeout>();
  const server = createServer((req, res) => {
    void handle(req, res);
  });

  async function handle(req: IncomingMessage, res: ServerResponse) {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    let body: RecordedRequest["body"] = {};
    try {
      body = JSON.parse(Buffer.concat(chunks).toString("utf8") || "{}");
    } catch {
      body = {};
    }
    requests.push({ method: req.method ?? "", path: req.url ?? "", headers: req.headers, body });
    if (req.method !== "POST" || req.url !== "/v1/chat/completions") return send(res, { status: 404, body: { error: { message: `no route ${req.method} ${req.url}` } } });
    const reply = queue.shift() ?? { status: 500, body: { error: { message: "the fake OpenAI server has no scripted reply left" } } };
    if (reply.delayMs) {
      await new Promise<void>((resolve) => {
        const timer = setTimeout(() => {
          delays.delete(timer);
          resolve();
        }, reply.delayMs);
        delays.add(timer);
      });
    }
    if (res.destroyed || res.socket?.destroyed) return;
    send(res, reply);
  }

  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseURL: `http://127.0.0.1:${port}/v1`,
    requests,
    script: (...replies) => void queue.push(...replies),
    reset: () => {
      queue.length = 0;
      requests.length = 0;
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const timer of delays) clearTimeout(timer);
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

function send(res: ServerResponse, reply: FakeReply) {
  const text = typeof reply.body === "string" ? reply.body : JSON.stringify(reply.body);
  res.writeHead(reply.status ?? 200, { "content-type": "application/json", ...reply.headers });
  res.end(text);
}

let completionCount = 0;

/** A chat completion whose message content is `content` (a string, or an object sent as JSON text). */
export function completion(content: unknown, usage = { prompt_tokens: 900, completion_tokens: 150 }): FakeReply {
  return {
    body: {
      id: `chatcmpl-fake-${++completionCount}`,
      object: "chat.completion",
      created: 1_790_000_000,
      model: "fake-model",
      choices: [{ index: 0, finish_reason: "stop", message: { role: "assistant", content: typeof content === "string" ? content : JSON.stringify(content), refusal: null } }],
      usage: { ...usage, total_tokens: usage.prompt_tokens + usage.completion_tokens },
    },
  };
}

export type FakeFinding = { rule: string; quote: string | null; message: string; why: string };

/** A well-formed answer in Askwell's schema: the kind (an intro request unless told), the findings and the rewrite. */
export function answer(rewrite: string, findings: FakeFinding[] = [], kind = "intro_request", reason = "It asks the reader for an introduction."): FakeReply {
  return completion({ kind, reason, findings, rewrite });
}

export function httpError(status: number, headers: Record<string, string> = {}): FakeReply {
  return { status, headers, body: { error: { message: `fake ${status}`, type: status === 429 ? "rate_limit_exceeded" : "server_error" } } };
}
