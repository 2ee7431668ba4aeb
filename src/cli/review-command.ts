import type { CliCommand, CliIo } from "./io";
import { parseCommandLine, readAll } from "./io";
import type { ReviewContext, ReviewResult } from "../core/types";
import { renderReviewText } from "./render-review";
import { MAX_DRAFT_CHARS, parseBatchLine, readBatchLines } from "./batch-input";
import { rulesOnlyReviewService, type ReviewService } from "../review-service";
import { localHouseRules } from "./local-policy";

const HELP = `Usage: askwell review [options] ["draft text"]

Reviews a networking ask (an intro request, a recommendation ask, a connection
request, outreach or a follow-up) and suggests a rewrite. The draft comes from
the argument, or from standard input when there is no argument.

Options:
  --json      print the review as one JSON object
  --jsonl     batch mode: read one {"id": "...", "text": "..."} object per line
              from standard input, write one result line per input line
  --ask <id>  review the draft as part of a tracked ask (history rules apply)
  -h, --help  show this help

Examples:
  askwell review "Hi Dana, could you introduce me to Sam at Acme?"
  askwell review < draft.txt
  askwell review --jsonl < drafts.jsonl > reviews.jsonl`;

/** The spec's machine-readable shape: one line per input. */
export function toContractLine(id: string, result: ReviewResult): Record<string, unknown> {
  return {
    id,
    kind: result.kind,
    verdict: result.verdict,
    score: result.score,
    findings: result.findings.map((f) => ({ rule: f.rule, severity: f.severity, start: f.start, end: f.end, message: f.message, why: f.why, ...(f.source ? { source: f.source } : {}) })),
    rewrite: result.rewrite,
    rewriteSource: result.rewriteSource,
    ...(result.kindSource ? { kindSource: result.kindSource, overruled: result.overruled ?? [] } : {}),
    checklist: result.checklist,
    ...(result.notice ? { notice: result.notice } : {}),
  };
}

type ReviewDraft = (text: string) => Promise<ReviewResult>;

/** Rules only, unless a model is configured (the model client is loaded only then). */
async function reviewServiceFor(io: CliIo): Promise<ReviewService> {
  if (!io.env.OPENAI_API_KEY) return rulesOnlyReviewService();
  const { createReviewServiceFromEnv } = await import("../llm/model-review-service.js");
  const { createLogger } = await import("../logger.js");
  return createReviewServiceFromEnv(io.env, createLogger({ level: io.env.LOG_LEVEL ?? "warn", destination: process.stderr }));
}

/** The deterministic review, improved by the model when one is configured (never an error: the rules' review stands). */
function reviewerFor(service: ReviewService, context: ReviewContext): ReviewDraft {
  return async (text) => {
    const first = service.reviewNow(text, context);
    const improved = await service.improve(text, first, { workspaceId: "local", ...(context.policy ? { policy: context.policy } : {}) });
    return improved?.result ?? first;
  };
}

/** History for `--ask <id>` from the tracker's store; a message when the ask or the store is not there. */
async function contextForAsk(askId: string | undefined, io: CliIo): Promise<ReviewContext | string> {
  if (askId === undefined) return {};
  const { parseStorageConfig } = await import("../config/storage.js");
  const { loadReviewContext, localOwner, openStore } = await import("../tracker/index.js");
  const config = parseStorageConfig(io.env);
  let store;
  try {
    store = await openStore(config);
  } catch (error) {
    return `could not open the ask store (${error instanceof Error ? error.message : String(error)}). Check DATABASE_URL.`;
  }
  try {
    const loaded = await loadReviewContext(store, localOwner(config), askId, new Date());
    return loaded.ok ? loaded.value : `${loaded.message} See \`askwell asks list\`.`;
  } finally {
    await store.close();
  }
}

async function runBatch(io: CliIo, reviewDraft: ReviewDraft): Promise<number> {
  const out: string[] = [];
  for (const line of await readBatchLines(io.stdin)) {
    const item = parseBatchLine(line);
    out.push(JSON.stringify("error" in item ? item : toContractLine(item.id, await reviewDraft(item.text))));
  }
  io.stdout.write(out.length ? out.join("\n") + "\n" : "");
  return 0;
}

export const reviewCommand: CliCommand = {
  name: "review",
  summary: "review a draft ask (argument or stdin); --json, --jsonl for batches",
  async run(args, io) {
    const parsed = parseCommandLine("review", HELP, io, args, { json: { type: "boolean" }, jsonl: { type: "boolean" }, ask: { type: "string" } });
    if (!parsed) return 2;
    const { values, positionals } = parsed;
    if (values.help) {
      io.stdout.write(HELP + "\n");
      return 0;
    }
    const context = await contextForAsk(values.ask, io);
    if (typeof context === "string") {
      io.stderr.write(`askwell review: ${context}\n`);
      return 1;
    }
    const policy = await localHouseRules(io.env);
    const reviewDraft = reviewerFor(await reviewServiceFor(io), policy ? { ...context, policy } : context);
    if (values.jsonl) return runBatch(io, reviewDraft);

    const fromArgs = positionals.join(" ");
    if (!fromArgs && io.stdin.isTTY) {
      io.stderr.write(`askwell review: give the draft as an argument or on standard input.\n\n${HELP}\n`);
      return 2;
    }
    const draft = fromArgs || (await readAll(io.stdin));
    if (!draft.trim()) {
      io.stderr.write("askwell review: the draft is empty. Paste the message you plan to send.\n");
      return 2;
    }
    if (draft.length > MAX_DRAFT_CHARS) {
      io.stderr.write(`askwell review: the draft is ${draft.length.toLocaleString("en")} characters; the limit is ${MAX_DRAFT_CHARS.toLocaleString("en")}. A networking ask should fit in five sentences.\n`);
      return 2;
    }
    const result = await reviewDraft(draft);
    if (values.json) io.stdout.write(JSON.stringify(result, null, 2) + "\n");
    else io.stdout.write(renderReviewText(result, { color: !!io.stdout.isTTY && !io.env.NO_COLOR }) + "\n");
    return 0;
  },
};
