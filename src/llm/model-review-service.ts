import { performance } from "node:perf_hooks";
import type { Env } from "../config/env";
import { type LlmConfig, type LlmSettings, parseLlmConfig } from "../config/llm";
import { checkRewrite, keyFactsKept, type RewriteFailure } from "../core/rewrite-check";
import type { ReviewResult } from "../core/types";
import { enforceHouseRules } from "../core/review";
import type { Logger } from "../logger";
import { type ImprovedReview, type ReviewService, rulesOnlyReviewService } from "../review-service";
import type { ModelAnswer } from "./answer-schema";
import type { CallOutcome, ChatMessage, ModelClient } from "./model-client";
import { loadPrompts, type PromptSet, reviewMessages } from "./prompts";
import { refereeReview, rulesRewrite } from "./referee";
import { talksToReviewer } from "./talks-to-reviewer";
import { inMemoryTokenUsageStore, type TokenUsageStore, utcDay } from "./token-budget";

export const BUDGET_SPENT_NOTE = "Rules-only review today: this workspace's daily AI budget is spent. It resets at midnight UTC.";

export interface ReviewServiceDeps {
  logger: Logger;
  /** The clock; the token budget's day is the UTC date of `now()`. */
  now?: () => Date;
  /** Where tokens spent per workspace and day are counted; in memory by default. */
  usage?: TokenUsageStore;
  /** Loaded from `config.promptsDir` (or the repository's `prompts/`) when not given. */
  prompts?: PromptSet;
  /** The OpenAI client by default. */
  model?: ModelClient;
}

/**
 * The review service for a parsed configuration: rules-only when no model is configured, else the
 * deterministic review plus a model improvement that is verified before it is returned.
 * Loads the prompt templates now, so a broken template stops start-up (ConfigError).
 */
export function createReviewService(config: LlmConfig, deps: ReviewServiceDeps): ReviewService {
  if (!config) return rulesOnlyReviewService();
  return modelReviewService(config, {
    logger: deps.logger,
    now: deps.now ?? (() => new Date()),
    usage: deps.usage ?? inMemoryTokenUsageStore(),
    prompts: deps.prompts ?? loadPrompts(config.promptsDir),
    model: deps.model ?? lazyOpenAiClient(config),
  });
}

/** The OpenAI client, its SDK loaded by the first call: a server whose model is never asked never holds it. */
function lazyOpenAiClient(settings: LlmSettings): ModelClient {
  let client: Promise<ModelClient> | undefined;
  return {
    async complete(messages, limits) {
      client ??= import("./model-client.js").then(({ openAiModelClient }) => openAiModelClient(settings));
      return (await client).complete(messages, limits);
    },
  };
}

/** Parses OPENAI_* and LLM_* from `env` (ConfigError on a bad value) and builds the service. */
export function createReviewServiceFromEnv(env: Env, logger: Logger, deps: Omit<ReviewServiceDeps, "logger"> = {}): ReviewService {
  return createReviewService(parseLlmConfig(env), { ...deps, logger });
}

type Resolved = Required<ReviewServiceDeps>;

/** Leaves time for the last call to be worth making. */
const MIN_CALL_MS = 100;

function modelReviewService(settings: LlmSettings, deps: Resolved): ReviewService {
  const rules = rulesOnlyReviewService();
  const { logger, prompts } = deps;

  return {
    reviewNow: rules.reviewNow,
    async improve(draft, first, { workspaceId, policy }) {
      try {
        const improved = await improve(draft, first, workspaceId);
        return improved && policy ? { ...improved, result: enforceHouseRules(improved.result, draft, policy) } : improved;
      } catch (error) {
        // Never reaches the user: the deterministic review stands.
        logger.error({ event: "llm.unexpected", workspaceId, err: error instanceof Error ? { name: error.name, message: error.message } : String(error) }, "model improvement failed");
        return null;
      }
    },
  };

  async function improve(draft: string, first: ReviewResult, workspaceId: string): Promise<ImprovedReview | null> {
    // An explicit review asks the model whatever the rules said: it can confirm "ready", find an ask the
    // rules called "not an ask", or explain why a draft is not one.
    if (draft.length > settings.maxDraftChars) {
      logger.info({ event: "llm.skipped", workspaceId, reason: "draft-too-long", chars: draft.length, limit: settings.maxDraftChars }, "draft over the model size limit");
      return null;
    }
    if (!draft.trim()) return null;
    const day = utcDay(deps.now());
    if (!(await hasBudget(workspaceId, day))) {
      logger.info({ event: "llm.skipped", workspaceId, reason: "daily-budget-spent", day }, "daily token budget spent");
      return { result: first, note: BUDGET_SPENT_NOTE };
    }

    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), settings.timeBudgetMs);
    const deadline = performance.now() + settings.timeBudgetMs;
    try {
      const session = { workspaceId, day, signal: controller.signal, deadline };
      const messages = reviewMessages(prompts, draft);
      logger.debug({ event: "llm.request", workspaceId, draft }, "sending draft to the model");
      const answered = await ask(messages, "review", session);
      if (!answered) return null;

      const mode = talksToReviewer(draft) ? "add-only" : "full";
      const merged = refereeReview(draft, first, answered.answer, mode);
      const result = await withRewrite(draft, first, merged, messages, answered, session);
      logger.info(
        {
          event: "llm.reviewed",
          workspaceId,
          mode,
          kindSource: result.kindSource,
          fromModel: result.findings.filter((f) => f.source === "model").map((f) => f.rule),
          overruled: result.overruled,
          rewriteSource: result.rewriteSource,
          promptVersion: prompts.version,
        },
        "model reviewed the draft",
      );
      return { result: { ...result, promptVersion: prompts.version } };
    } finally {
      clearTimeout(timer);
    }
  }

  /** The merged review with its rewrite: the model's when it passes the engine's checks (at once or after one repair), else the rules'. */
  async function withRewrite(draft: string, first: ReviewResult, merged: ReviewResult, messages: ChatMessage[], answered: Answered, session: Session): Promise<ReviewResult> {
    const needsRewrite = (merged.verdict === "revise" || merged.verdict === "dont-send") && !merged.findings.some((f) => f.rule === "repeat-follow-up");
    if (!needsRewrite) return merged;
    const modelRewrite = await verifiedRewrite(draft, merged, messages, answered, session);
    const ours = rulesRewrite(draft, first, merged);
    if (modelRewrite !== null && !keepsMoreFacts(draft, merged, ours, modelRewrite)) return { ...merged, rewrite: modelRewrite, rewriteSource: "model" };
    return { ...merged, rewrite: ours, rewriteSource: "rules" };
  }

  /** Whether our rewrite passes the same checks and keeps more of the draft's people, organisations and ask than the model's (then ours wins). */
  function keepsMoreFacts(draft: string, merged: ReviewResult, ours: string, theirs: string): boolean {
    return keyFactsKept(draft, ours) > keyFactsKept(draft, theirs) && !checkRewrite(draft, merged, ours).length;
  }

  type Session = { workspaceId: string; day: string; signal: AbortSignal; deadline: number };
  type Answered = { answer: ModelAnswer; raw: string };

  /** The model's rewrite when it passes the checks, at once or after one repair; else null (the rules' rewrite stays). */
  async function verifiedRewrite(draft: string, merged: ReviewResult, messages: ChatMessage[], answered: Answered, session: Session): Promise<string | null> {
    const rewrite = answered.answer.rewrite.trim();
    const failures = checkRewrite(draft, merged, rewrite);
    if (!rewrite) failures.push(...merged.findings.map((f) => ({ code: "rule" as const, rule: f.rule, message: `The draft needs a rewrite for ${f.rule}: ${f.message}` })));
    if (!failures.length) return rewrite;
    logger.info({ event: "llm.rewrite-rejected", workspaceId: session.workspaceId, attempt: "first", failures: failureCodes(failures) }, "model rewrite failed verification; asking for a repair");
    if (!(await hasBudget(session.workspaceId, session.day))) return null;

    const repairMessages: ChatMessage[] = [...messages, { role: "assistant", content: answered.raw }, { role: "user", content: prompts.repair({ failures: failures.map((f) => `- ${f.message}`).join("\n") }) }];
    const repaired = await ask(repairMessages, "repair", session);
    if (!repaired) return null;
    const second = repaired.answer.rewrite.trim();
    const stillFailing = checkRewrite(draft, merged, second);
    if (!stillFailing.length) return second;
    logger.info({ event: "llm.rewrite-rejected", workspaceId: session.workspaceId, attempt: "repair", failures: failureCodes(stillFailing) }, "repaired rewrite failed verification; keeping the rules' rewrite");
    return null;
  }

  /** One model call, retried once when the answer fails validation; null when there is no valid answer in time. */
  async function ask(messages: ChatMessage[], purpose: "review" | "repair", session: Session): Promise<Answered | null> {
    for (let attempt = 1; attempt <= 2; attempt++) {
      const remaining = session.deadline - performance.now();
      if (remaining < MIN_CALL_MS || session.signal.aborted) {
        logger.info({ event: "llm.call", workspaceId: session.workspaceId, purpose, attempt, outcome: "out-of-time" }, "no time left for a model call");
        return null;
      }
      if (attempt > 1 && !(await hasBudget(session.workspaceId, session.day))) return null;
      const started = performance.now();
      const outcome = await deps.model.complete(messages, { signal: session.signal, timeoutMs: remaining });
      await recordCall(outcome, purpose, attempt, session, Math.round(performance.now() - started));
      if (outcome.status === "answer") return { answer: outcome.answer, raw: outcome.raw };
      // The client already retried 429s, 5xx and timeouts inside the budget: a failed call ends here.
      if (outcome.status === "failed") return null;
    }
    return null;
  }

  async function recordCall(outcome: CallOutcome, purpose: string, attempt: number, session: Session, durationMs: number): Promise<void> {
    const base = { event: "llm.call", workspaceId: session.workspaceId, purpose, attempt, model: settings.model, durationMs, promptVersion: prompts.version };
    if (outcome.status === "failed") {
      logger.warn({ ...base, outcome: outcome.reason, httpStatus: outcome.httpStatus }, "model call failed");
      return;
    }
    await deps.usage.add(session.workspaceId, session.day, outcome.usage.totalTokens).catch((error: unknown) => {
      // The answer is still worth using; the count is lost for this call.
      logger.error({ event: "llm.usage-not-recorded", workspaceId: session.workspaceId, err: error instanceof Error ? error.message : String(error) }, "could not record token usage");
    });
    const outcomeName = outcome.status === "answer" ? "answer" : `invalid:${outcome.problem}`;
    logger.info({ ...base, outcome: outcomeName, ...outcome.usage }, "model call");
    if (outcome.status === "answer") logger.debug({ event: "llm.answer", workspaceId: session.workspaceId, rewrite: outcome.answer.rewrite }, "model answer");
  }

  async function hasBudget(workspaceId: string, day: string): Promise<boolean> {
    return (await deps.usage.usedOn(workspaceId, day)) < settings.dailyTokensPerWorkspace;
  }
}

function failureCodes(failures: RewriteFailure[]): string[] {
  return failures.map((f) => (f.code === "rule" ? f.rule : f.code === "added-fact" || f.code === "dropped-fact" ? `${f.code}:${f.fact}` : f.code));
}
