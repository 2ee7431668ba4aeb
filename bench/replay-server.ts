import { readFileSync } from "node:fs";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { fenceDraft } from "../src/llm/prompts";

/**
 * A local OpenAI-compatible server that replays recorded model answers: each request is matched by the
 * draft inside its `<draft>` fence. Recorded answers are data; nothing here contacts a real service.
 */
export interface ReplayServer {
  baseURL: string;
  /** Requests answered from the recording, and requests for drafts it has no answer for (answered 404). */
  counts: { served: number; unknown: number };
  close(): Promise<void>;
}

/** What to answer for a fenced draft: the message content, or null when there is no recorded answer. */
export type AnswerFor = (fencedDraft: string, purpose: "review" | "repair") => string | null;

export async function startReplayServer(answerFor: AnswerFor): Promise<ReplayServer> {
  const counts = { served: 0, unknown: 0 };
  const server = createServer((req, res) => void handle(req, res));

  async function handle(req: IncomingMessage, res: ServerResponse) {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    if (req.method !== "POST" || req.url !== "/v1/chat/completions") return send(res, 404, { error: { message: `no route ${req.method} ${req.url}` } });
    let messages: { role: string; content: string }[] = [];
    try {
      messages = (JSON.parse(Buffer.concat(chunks).toString("utf8")) as { messages?: typeof messages }).messages ?? [];
    } catch {
      return send(res, 400, { error: { message: "the request body is not JSON" } });
    }
    const request = messages.find((m) => m.role === "user")?.content ?? "";
    const draft = fencedDraftOf(request);
    const content = draft === null ? null : answerFor(draft, messages.some((m) => m.role === "assistant") ? "repair" : "review");
    if (content === null) {
      counts.unknown++;
      return send(res, 404, { error: { message: "no recorded answer for this draft" } });
    }
    counts.served++;
    const promptTokens = Math.ceil(messages.reduce((n, m) => n + m.content.length, 0) / 4);
    const completionTokens = Math.ceil(content.length / 4);
    send(res, 200, {
      id: `chatcmpl-replay-${counts.served}`,
      object: "chat.completion",
      created: 1_790_000_000,
      model: "replay",
      choices: [{ index: 0, finish_reason: "stop", message: { role: "assistant", content, refusal: null } }],
      usage: { prompt_tokens: promptTokens, completion_tokens: completionTokens, total_tokens: promptTokens + completionTokens },
    });
  }

  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseURL: `http://127.0.0.1:${port}/v1`,
    counts,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** The text between the review message's `<draft>` and `</draft>` lines. */
export function fencedDraftOf(message: string): string | null {
  const open = message.indexOf("<draft>\n");
  const close = message.lastIndexOf("\n</draft>");
  return open < 0 || close < open ? null : message.slice(open + "<draft>\n".length, close);
}

function send(res: ServerResponse, status: number, body: unknown) {
  res.writeHead(status, { "content-type": "application/json" });
  res.end(JSON.stringify(body));
}

/**
 * Recorded answers (one JSON line per draft: `{"id": ..., "kind": ..., "reason": ..., "findings": [...],
 * "rewrite": ...}`, optionally `"repair": {...}` for the repair round), matched to the corpus by id and
 * served by draft. Lines that are not JSON or name no draft of the corpus are reported, not served.
 */
export function recordedAnswers(answersFile: string, corpusFile: string): { answerFor: AnswerFor; loaded: number; problems: string[] } {
  const drafts = new Map<string, string>();
  for (const line of readFileSync(corpusFile, "utf8").split("\n")) {
    if (!line.trim()) continue;
    const item = JSON.parse(line) as { id: string; text: string };
    drafts.set(String(item.id), fenceDraft(item.text));
  }
  const byDraft = new Map<string, { review: string; repair: string }>();
  const problems: string[] = [];
  readFileSync(answersFile, "utf8").split("\n").forEach((line, index) => {
    if (!line.trim()) return;
    let parsed: Record<string, unknown>;
    try {
      parsed = JSON.parse(line) as Record<string, unknown>;
    } catch {
      problems.push(`line ${index + 1}: not JSON`);
      return;
    }
    const { id, repair, ...answer } = parsed;
    const draft = drafts.get(String(id));
    if (draft === undefined) {
      problems.push(`line ${index + 1}: no draft with id ${JSON.stringify(id)} in the corpus`);
      return;
    }
    const review = JSON.stringify(answer);
    byDraft.set(draft, { review, repair: repair === undefined ? review : JSON.stringify(repair) });
  });
  return { answerFor: (draft, purpose) => byDraft.get(draft)?.[purpose] ?? null, loaded: byDraft.size, problems };
}
