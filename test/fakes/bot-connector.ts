/**
 * A fake Bot Connector service on 127.0.0.1, standing in for Teams' `serviceUrl`. It records what the
 * bot sends (replies, card updates, new 1:1 conversations) and can be told to refuse the next requests
 * with 429 (with Retry-After) or 500, the way the real connector does under load.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

export interface ReceivedActivity {
  method: "POST" | "PUT";
  conversationId: string;
  /** The `{replyToId}` of a threaded reply, or the id of the updated activity for PUT. */
  activityId: string | null;
  /** The id this fake answered with (POST) or the updated id (PUT). */
  id: string;
  body: Record<string, unknown> & { type?: string; text?: string; attachments?: Array<{ contentType: string; content: Record<string, unknown> }> };
  authorization: string | undefined;
}

export interface CreatedConversation {
  id: string;
  body: Record<string, unknown>;
}

export interface FakeBotConnector {
  url: string;
  /** Accepted activities (refused attempts are not recorded here). */
  activities: ReceivedActivity[];
  conversations: CreatedConversation[];
  /** Every attempt, including the refused ones, as "METHOD path status". */
  attempts: string[];
  /** Refuses the next `count` requests with `status` (429 carries `Retry-After: retryAfterSeconds`). */
  refuseNext(count: number, status: 429 | 500, retryAfterSeconds?: number): void;
  /** Refuses every request with `status` until `acceptAgain()`. */
  refuseAll(status: 429 | 500): void;
  acceptAgain(): void;
  /** Resolves with the first accepted activity (existing or future) matching the predicate. */
  waitFor(predicate: (activity: ReceivedActivity) => boolean): Promise<ReceivedActivity>;
  close(): Promise<void>;
}

async function readJson(req: IncomingMessage): Promise<Record<string, unknown>> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const text = Buffer.concat(chunks).toString("utf8");
  return text ? (JSON.parse(text) as Record<string, unknown>) : {};
}

export async function startFakeBotConnector(): Promise<FakeBotConnector> {
  const activities: ReceivedActivity[] = [];
  const conversations: CreatedConversation[] = [];
  const attempts: string[] = [];
  const waiters: Array<{ predicate: (a: ReceivedActivity) => boolean; resolve: (a: ReceivedActivity) => void }> = [];
  let refusals: Array<{ status: number; retryAfter?: number }> = [];
  let refuseEverything: number | null = null;
  let nextId = 1;

  const answer = (res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) => {
    res.writeHead(status, { "content-type": "application/json", ...headers });
    res.end(JSON.stringify(body));
  };

  const server: Server = createServer((req, res) => {
    void (async () => {
      const path = new URL(req.url ?? "/", "http://localhost").pathname;
      const refusal = refuseEverything !== null ? { status: refuseEverything, retryAfter: undefined } : refusals.shift();
      if (refusal) {
        attempts.push(`${req.method} ${path} ${refusal.status}`);
        await readJson(req).catch(() => ({}));
        answer(res, refusal.status, { error: { code: "Refused", message: "fake connector refusal" } }, refusal.retryAfter !== undefined ? { "retry-after": String(refusal.retryAfter) } : {});
        return;
      }
      attempts.push(`${req.method} ${path} 200`);
      const body = await readJson(req);
      if (req.method === "POST" && path === "/v3/conversations") {
        const id = `a:fake-personal-${nextId++}`;
        conversations.push({ id, body });
        answer(res, 201, { id, activityId: `created-${id}` });
        return;
      }
      const match = /^\/v3\/conversations\/([^/]+)\/activities(?:\/([^/]+))?$/.exec(path);
      if (!match || (req.method !== "POST" && req.method !== "PUT")) {
        answer(res, 404, { error: { code: "NotFound", message: `${req.method} ${path}` } });
        return;
      }
      const activityId = match[2] ? decodeURIComponent(match[2]) : null;
      const id = req.method === "PUT" && activityId ? activityId : `activity-${nextId++}`;
      const received: ReceivedActivity = {
        method: req.method,
        conversationId: decodeURIComponent(match[1]!),
        activityId,
        id,
        body: body as ReceivedActivity["body"],
        authorization: req.headers.authorization,
      };
      activities.push(received);
      for (const waiter of [...waiters]) {
        if (waiter.predicate(received)) {
          waiters.splice(waiters.indexOf(waiter), 1);
          waiter.resolve(received);
        }
      }
      answer(res, 200, { id });
    })().catch((error: unknown) => answer(res, 400, { error: { code: "BadRequest", message: String(error) } }));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.address() as AddressInfo).port;

  return {
    url: `http://127.0.0.1:${port}`,
    activities,
    conversations,
    attempts,
    refuseNext(count, status, retryAfterSeconds) {
      refusals = [...refusals, ...Array.from({ length: count }, () => ({ status, retryAfter: status === 429 ? (retryAfterSeconds ?? 1) : undefined }))];
    },
    refuseAll(status) {
      refuseEverything = status;
    },
    acceptAgain() {
      refuseEverything = null;
      refusals = [];
    },
    waitFor(predicate) {
      const found = activities.find(predicate);
      if (found) return Promise.resolve(found);
      return new Promise((resolve) => waiters.push({ predicate, resolve }));
    },
    close: () =>
      new Promise((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}

/** The Adaptive Card of an activity, or undefined. */
export function cardOf(activity: ReceivedActivity): Record<string, unknown> & { body: unknown[]; actions?: unknown[] } {
  const attachment = activity.body.attachments?.find((a) => a.contentType === "application/vnd.microsoft.card.adaptive");
  if (!attachment) throw new Error(`no Adaptive Card in activity ${activity.id}: ${JSON.stringify(activity.body).slice(0, 300)}`);
  return attachment.content as Record<string, unknown> & { body: unknown[]; actions?: unknown[] };
}

/** Every Action.Submit `data` in a card, nested ShowCards included. */
export function submitActions(card: unknown): Array<{ title: string; data: Record<string, unknown> }> {
  const found: Array<{ title: string; data: Record<string, unknown> }> = [];
  const walk = (node: unknown) => {
    if (Array.isArray(node)) return node.forEach(walk);
    if (typeof node !== "object" || node === null) return;
    const record = node as Record<string, unknown>;
    if (record.type === "Action.Submit") found.push({ title: String(record.title), data: record.data as Record<string, unknown> });
    Object.values(record).forEach(walk);
  };
  walk(card);
  return found;
}

/** All TextBlock texts of a card, joined by new lines: for assertions on what the user reads. */
export function cardText(card: unknown): string {
  const texts: string[] = [];
  const walk = (node: unknown) => {
    if (Array.isArray(node)) return node.forEach(walk);
    if (typeof node !== "object" || node === null) return;
    const record = node as Record<string, unknown>;
    if (record.type === "TextBlock" && typeof record.text === "string") texts.push(record.text);
    if (record.type === "FactSet" && Array.isArray(record.facts)) for (const f of record.facts as Array<{ title: string; value: string }>) texts.push(`${f.title} ${f.value}`);
    Object.values(record).forEach(walk);
  };
  walk(card);
  return texts.join("\n");
}
