import { ConfigError } from "../src/config/env";
import { parseLlmConfig } from "../src/config/llm";

describe("LLM configuration", () => {
  it("is null (rules-only) without OPENAI_API_KEY, even with other variables set", () => {
    expect(parseLlmConfig({})).toBeNull();
    expect(parseLlmConfig({ OPENAI_API_KEY: "  ", OPENAI_MODEL: "llama3" })).toBeNull();
  });

  it("has defaults: 8 s budget, a size limit and a daily token budget", () => {
    expect(parseLlmConfig({ OPENAI_API_KEY: "sk-test" })).toEqual({
      apiKey: "sk-test",
      baseURL: undefined,
      model: "gpt-4o-mini",
      timeBudgetMs: 8000,
      maxRetries: 2,
      maxDraftChars: 4000,
      dailyTokensPerWorkspace: 200000,
      promptsDir: undefined,
    });
  });

  it("takes a local OpenAI-compatible endpoint and model", () => {
    const config = parseLlmConfig({ OPENAI_API_KEY: "ollama", OPENAI_BASE_URL: "http://127.0.0.1:11434/v1", OPENAI_MODEL: "llama3.1", LLM_TIME_BUDGET_MS: "3000" });
    expect(config).toMatchObject({ baseURL: "http://127.0.0.1:11434/v1", model: "llama3.1", timeBudgetMs: 3000 });
  });

  it("names the variable and the fix for a bad value", () => {
    expect(() => parseLlmConfig({ OPENAI_API_KEY: "k", LLM_TIME_BUDGET_MS: "soon" })).toThrow(ConfigError);
    expect(() => parseLlmConfig({ OPENAI_API_KEY: "k", LLM_TIME_BUDGET_MS: "soon" })).toThrow(/LLM_TIME_BUDGET_MS: .*expected milliseconds/);
    expect(() => parseLlmConfig({ OPENAI_API_KEY: "k", OPENAI_BASE_URL: "not a url" })).toThrow(/OPENAI_BASE_URL/);
  });
});
