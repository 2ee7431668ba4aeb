import { AsyncLocalStorage } from "node:async_hooks";
import { performance } from "node:perf_hooks";
import OpenAI from "openai";
import { zodResponseFormat } from "openai/helpers/zod";
import type { LlmSettings } from "../config/llm";
import { type AnswerProblem, type ModelAnswer, parseAnswer, RequestedAnswerSchema } from "./answer-schema";

export type ChatMessage = { role: "system" | "user" | "assistant"; content: string };

export interface Usage {
  promptTokens: number;
  completionTokens: number;
  totalTokens: number;
}

/** One model call's outcome, always a value: an answer, an invalid answer (with the tokens it cost), or a failed call. */
export type CallOutcome =
  | { status: "answer"; answer: ModelAnswer; raw: string; usage: Usage }
  | { status: "invalid"; problem: AnswerProblem; usage: Usage }
  | { status: "failed"; reason: "timeout" | "rate-limited" | "server-error" | "refused-request" | "connection"; httpStatus?: number };

const RESPONSE_FORMAT = zodResponseFormat(RequestedAnswerSchema, "askwell_review");

export interface ModelClient {
  /** `signal` ends the call (the review's total time budget); `timeoutMs` is what is left of it. */
  complete(messages: ChatMessage[], limits: { signal: AbortSignal; timeoutMs: number }): Promise<CallOutcome>;
}

export function openAiModelClient(settings: LlmSettings): ModelClient {
  const client = new OpenAI({
    apiKey: settings.apiKey,
    // Explicit, so the client never falls back to reading process.env itself.
    baseURL: settings.baseURL ?? "https://api.openai.com/v1",
    maxRetries: settings.maxRetries,
    timeout: settings.timeBudgetMs,
    logLevel: "off",
    fetch: budgetAwareFetch,
  });
  return {
    async complete(messages, { signal, timeoutMs }) {
      try {
        const deadline = performance.now() + timeoutMs;
        const request = callDeadline.run(deadline, () =>
          client.chat.completions.create(
            { model: settings.model, messages, response_format: RESPONSE_FORMAT },
            { signal, timeout: Math.max(1, Math.floor(timeoutMs)), maxRetries: settings.maxRetries },
          ),
        );
        // The client's back-off sleep between retries ignores the signal, so the budget is also raced.
        const completion = await untilAborted(request, signal);
        const choice = completion.choices[0];
        const usage = usageOf(completion.usage, messages, choice?.message?.content ?? "");
        if (choice?.message?.refusal) return { status: "invalid", problem: "refused", usage };
        const parsed = parseAnswer(choice?.message?.content, choice?.finish_reason);
        if (!parsed.ok) return { status: "invalid", problem: parsed.problem, usage };
        return { status: "answer", answer: parsed.answer, raw: choice!.message.content!, usage };
      } catch (error) {
        return { status: "failed", ...failureOf(error, signal) };
      }
    },
  };
}

/** The deadline of the model call in progress, seen by `budgetAwareFetch` (the client's retries run in the same async context). */
const callDeadline = new AsyncLocalStorage<number>();

/** The client's default first back-off when a server gives no Retry-After (about 0.5 s). */
const DEFAULT_BACKOFF_MS = 500;

/**
 * The client honours Retry-After however long it is and its back-off sleep ignores the abort signal.
 * When the wait would outlast the review's budget, this tells the client not to retry at all
 * (`x-should-retry: false`), so it fails at once instead of sleeping past the deadline.
 */
async function budgetAwareFetch(url: string | URL | Request, init?: RequestInit): Promise<Response> {
  const response = await fetch(url, init);
  const deadline = callDeadline.getStore();
  if (deadline === undefined || !(response.status === 408 || response.status === 409 || response.status === 429 || response.status >= 500)) return response;
  const waitMs = retryAfterMs(response.headers) ?? DEFAULT_BACKOFF_MS;
  if (waitMs < deadline - performance.now()) return response;
  const headers = new Headers(response.headers);
  headers.set("x-should-retry", "false");
  return new Response(response.body, { status: response.status, statusText: response.statusText, headers });
}

function retryAfterMs(headers: Headers): number | undefined {
  const ms = Number.parseFloat(headers.get("retry-after-ms") ?? "");
  if (!Number.isNaN(ms)) return ms;
  const value = headers.get("retry-after");
  if (!value) return undefined;
  const seconds = Number.parseFloat(value);
  if (!Number.isNaN(seconds)) return seconds * 1000;
  const at = Date.parse(value);
  return Number.isNaN(at) ? undefined : at - Date.now();
}

function untilAborted<T>(promise: Promise<T>, signal: AbortSignal): Promise<T> {
  promise.catch(() => undefined);
  return new Promise<T>((resolve, reject) => {
    if (signal.aborted) return reject(new OpenAI.APIUserAbortError());
    const onAbort = () => reject(new OpenAI.APIUserAbortError());
    signal.addEventListener("abort", onAbort, { once: true });
    promise.then(resolve, reject).finally(() => signal.removeEventListener("abort", onAbort));
  });
}

function failureOf(error: unknown, signal: AbortSignal): Omit<Extract<CallOutcome, { status: "failed" }>, "status"> {
  if (signal.aborted || error instanceof OpenAI.APIUserAbortError || error instanceof OpenAI.APIConnectionTimeoutError) return { reason: "timeout" };
  if (error instanceof OpenAI.APIError && typeof error.status === "number") {
    if (error.status === 429) return { reason: "rate-limited", httpStatus: 429 };
    if (error.status >= 500) return { reason: "server-error", httpStatus: error.status };
    return { reason: "refused-request", httpStatus: error.status };
  }
  return { reason: "connection" };
}

/** Servers that omit `usage` (some local ones) are charged an estimate: about four characters a token. */
function usageOf(usage: OpenAI.CompletionUsage | undefined, messages: ChatMessage[], answer: string): Usage {
  if (usage) return { promptTokens: usage.prompt_tokens, completionTokens: usage.completion_tokens, totalTokens: usage.total_tokens };
  const promptTokens = Math.ceil(messages.reduce((n, m) => n + m.content.length, 0) / 4);
  const completionTokens = Math.ceil(answer.length / 4);
  return { promptTokens, completionTokens, totalTokens: promptTokens + completionTokens };
}
