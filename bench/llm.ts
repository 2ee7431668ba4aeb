/**
 * Figures for the model-backed review: the cost of verifying a rewrite, and the overhead of one
 * `improve` (real openai client, local fake server answering at once). Run: `node dist/bench/llm.js`.
 */
import { performance } from "node:perf_hooks";
import { parseLlmConfig } from "../src/config/llm";
import { review } from "../src/core/review";
import { checkRewrite } from "../src/core/rewrite-check";
import { createReviewService } from "../src/llm/model-review-service";
import { createLogger } from "../src/logger";
import { answer, startFakeOpenAi } from "../test/fakes/openai-server";

const draft = "Hi Dana, we worked together at Acme. Could you introduce me to Sam Lee at Northwind? I'd like his advice on pricing this month.";
const rewrite = "Hi Dana,\n\nI hope all is well since our Acme days. Could you introduce me to Sam Lee at Northwind? I'd like his advice on pricing this month. No worries at all if not.";

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
const summary = (ms: number[]) => {
  const sorted = [...ms].sort((a, b) => a - b);
  return `mean ${(ms.reduce((a, b) => a + b, 0) / ms.length).toFixed(2)} ms, p50 ${percentile(sorted, 50).toFixed(2)} ms, p95 ${percentile(sorted, 95).toFixed(2)} ms`;
};

async function main() {
  const first = review(draft);
  const n = 2000;
  let started = performance.now();
  for (let i = 0; i < n; i++) checkRewrite(draft, first, rewrite);
  const perCheck = (performance.now() - started) / n;
  console.log(`checkRewrite: ${n} runs, ${perCheck.toFixed(3)} ms each (${Math.round(1000 / perCheck)}/s)`);

  const fake = await startFakeOpenAi();
  const config = { ...parseLlmConfig({ OPENAI_API_KEY: "bench", OPENAI_BASE_URL: fake.baseURL })!, dailyTokensPerWorkspace: Number.MAX_SAFE_INTEGER };
  const service = createReviewService(config, { logger: createLogger({ level: "silent" }) });
  const rounds = 300;
  const times: number[] = [];
  let fromModel = 0;
  for (let i = 0; i < rounds; i++) {
    fake.script(answer(rewrite, [{ rule: "no-graceful-out", quote: null, message: "Give Dana a way out.", why: "A free no makes a yes likelier." }]));
    started = performance.now();
    const improved = await service.improve(draft, first, { workspaceId: "T-bench" });
    times.push(performance.now() - started);
    if (improved?.result.rewriteSource === "model") fromModel++;
  }
  console.log(`improve (instant fake model): ${rounds} reviews, ${summary(times)}; ${fromModel}/${rounds} verified model rewrites`);
  await fake.close();
}

void main();
