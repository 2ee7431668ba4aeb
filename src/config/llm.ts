import { z } from "zod";
import { type Env, parseSection } from "./env";

const positiveInt = (max: number) => z.coerce.number({ message: "must be a whole number" }).int("must be a whole number").positive("must be above 0").max(max, `must be at most ${max}`);

const schema = z.object({
  OPENAI_API_KEY: z.string().optional(),
  OPENAI_BASE_URL: z.url({ message: "must be a URL" }).optional(),
  OPENAI_MODEL: z.string().default("gpt-4o-mini"),
  LLM_TIME_BUDGET_MS: positiveInt(120_000).default(8_000),
  LLM_MAX_RETRIES: z.coerce.number({ message: "must be a whole number" }).int().min(0).max(10).default(2),
  LLM_MAX_DRAFT_CHARS: positiveInt(100_000).default(4_000),
  LLM_DAILY_TOKENS_PER_WORKSPACE: z.coerce.number({ message: "must be a whole number" }).int().min(0).default(200_000),
  PROMPTS_DIR: z.string().optional(),
});

const hints = {
  OPENAI_BASE_URL: "an OpenAI-compatible endpoint such as http://127.0.0.1:11434/v1 (Ollama) or leave unset for api.openai.com",
  LLM_TIME_BUDGET_MS: "milliseconds for one review, retries included, e.g. 8000",
  LLM_MAX_RETRIES: "how many times the client retries a 429/5xx/timeout, e.g. 2",
  LLM_MAX_DRAFT_CHARS: "the longest draft, in characters, sent to the model, e.g. 4000",
  LLM_DAILY_TOKENS_PER_WORKSPACE: "tokens a workspace may spend per UTC day, e.g. 200000 (0 = no model calls)",
};

export interface LlmSettings {
  apiKey: string;
  /** undefined = the client's default (api.openai.com). */
  baseURL: string | undefined;
  model: string;
  timeBudgetMs: number;
  maxRetries: number;
  maxDraftChars: number;
  dailyTokensPerWorkspace: number;
  /** undefined = the repository's `prompts/`. */
  promptsDir: string | undefined;
}

/** `null` when no model is configured (OPENAI_API_KEY unset): Askwell is rules-only. */
export type LlmConfig = LlmSettings | null;

export function parseLlmConfig(env: Env): LlmConfig {
  const parsed = parseSection(schema, env, hints);
  if (!parsed.OPENAI_API_KEY) return null;
  return {
    apiKey: parsed.OPENAI_API_KEY,
    baseURL: parsed.OPENAI_BASE_URL,
    model: parsed.OPENAI_MODEL,
    timeBudgetMs: parsed.LLM_TIME_BUDGET_MS,
    maxRetries: parsed.LLM_MAX_RETRIES,
    maxDraftChars: parsed.LLM_MAX_DRAFT_CHARS,
    dailyTokensPerWorkspace: parsed.LLM_DAILY_TOKENS_PER_WORKSPACE,
    promptsDir: parsed.PROMPTS_DIR,
  };
}
