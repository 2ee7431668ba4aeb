import type { Command } from "commander";
import { EXIT, fail, readAll, type CliIo, type CommandContext } from "./io";
import { action, subcommand, type ProgramState } from "./program";
import type { ReviewContext, ReviewResult } from "../core/types";
import { renderForwardableText, renderReviewText } from "./render-review";
import { MAX_DRAFT_CHARS, batchLines, parseBatchLine } from "./batch-input";
import { rulesOnlyReviewService, type ReviewService } from "../review-service";
import { openLocalReviewWorkspace } from "./local-policy";
import { forwardableNoteFor } from "../core/forwardable-note";
import type { HouseRules } from "../core/house-rules";

const DESCRIPTION = `Reviews a networking ask (an intro request, a recommendation ask, a connection
request, outreach or a follow-up) and suggests a rewrite. The draft comes from
the arguments, or from standard input when there are none.`;

const EXAMPLES = `
Examples:
  askwell review "Hi Dana, could you introduce me to Sam at Acme?"
  askwell review < draft.txt
  askwell review --json < draft.txt
  askwell review --jsonl < drafts.jsonl > reviews.jsonl
  askwell review --ask 3 < follow-up.txt
  askwell review --forwardable < intro-request.txt`;



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

/** The CLI's logs go to stderr and stay silent unless LOG_LEVEL asks for them: its stdout is the review. */
export function cliLogLevel(env: Record<string, string | undefined>): string {
  return env.LOG_LEVEL?.trim() || "silent";
}

/** Rules only, unless a model is configured (the model client is loaded only then). */
async function reviewServiceFor(io: CliIo): Promise<ReviewService> {
  if (!io.env.OPENAI_API_KEY) return rulesOnlyReviewService();
  const { createReviewServiceFromEnv } = await import("../llm/model-review-service.js");
  const { createLogger } = await import("../logger.js");
  return createReviewServiceFromEnv(io.env, createLogger({ level: cliLogLevel(io.env), destination: process.stderr }));
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
type Loaded = { ok: true; context: ReviewContext } | { ok: false; code: string; message: string; exit: number };

async function contextForAsk(askId: string | undefined, io: CliIo): Promise<Loaded> {
  if (askId === undefined) return { ok: true, context: {} };
  const { openCommandTracker } = await import("./local-store.js");
  const { loadReviewContext } = await import("../tracker/index.js");
  let local;
  try {
    local = await openCommandTracker(io.env, { createIfMissing: false });
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    return { ok: false, code: "storage_unavailable", message: `could not open the ask store (${detail}). Check DATABASE_URL.`, exit: EXIT.failed };
  }
  try {
    const loaded = await loadReviewContext(local.store, local.owner, askId, new Date());
    return loaded.ok ? { ok: true, context: loaded.value } : { ok: false, code: loaded.code, message: `${loaded.message} See \`askwell asks list\`.`, exit: EXIT.failed };
  } finally {
    await local.close();
  }
}

/**
 * Streams a batch: each result is written as its line is read, so memory stays flat however long the
 * input. A reader that goes away (`| head`) ends the run quietly, with exit code 0.
 */
async function runBatch(io: CliIo, reviewDraft: ReviewDraft, note: NoteFor | null): Promise<number> {
  const output = new LineWriter(io.stdout);
  for await (const line of batchLines(io.stdin)) {
    const item = parseBatchLine(line);
    let answer: Record<string, unknown>;
    if ("error" in item) answer = item;
    else {
      const result = await reviewDraft(item.text);
      answer = note ? { ...toContractLine(item.id, result), forwardable: note(item.text, result) } : toContractLine(item.id, result);
    }
    if (!(await output.write(JSON.stringify(answer)))) break;
  }
  return EXIT.ok;
}

/** `--forwardable`: the note for the double opt-in, for an intro request (null for any other kind). */
type NoteFor = (draft: string, result: ReviewResult) => string | null;

function noteFor(policy: HouseRules | undefined): NoteFor {
  return (draft, result) => forwardableNoteFor(draft, result, policy ? { policy } : {});
}

/** Writes lines, waiting when the reader is slower; knows when the reader has gone (EPIPE and the like). */
class LineWriter {
  private closed = false;

  constructor(private readonly stream: NodeJS.WritableStream) {
    // Kept for the life of the process: a late EPIPE must not become an uncaught exception.
    stream.on("error", () => {
      this.closed = true;
    });
  }

  /** False once nobody reads any more. */
  async write(line: string): Promise<boolean> {
    if (this.closed) return false;
    let ready: boolean;
    try {
      ready = this.stream.write(line + "\n");
    } catch {
      this.closed = true;
      return false;
    }
    if (!ready && !this.closed) await new Promise<void>((resolve) => {
      const done = () => {
        this.stream.off("drain", done);
        this.stream.off("error", done);
        this.stream.off("close", done);
        resolve();
      };
      this.stream.on("drain", done);
      this.stream.on("error", done);
      this.stream.on("close", done);
    });
    return !this.closed;
  }
}

type ReviewOptions = { json?: boolean; jsonl?: boolean; ask?: string; forwardable?: boolean };

async function review(ctx: CommandContext, words: string[], options: ReviewOptions): Promise<number> {
  const { io } = ctx;
  if (options.json && options.jsonl) return fail(ctx, "usage", "choose one of --json (one draft) and --jsonl (a batch on standard input).");
  if (options.jsonl && words.length > 0) return fail(ctx, "usage", '--jsonl reads {"id", "text"} lines from standard input and takes no draft argument; pipe the file in: askwell review --jsonl < drafts.jsonl');
  if (options.jsonl && io.stdin.isTTY) return fail(ctx, "usage", "--jsonl reads a batch from standard input: askwell review --jsonl < drafts.jsonl");
  const fromArgs = words.join(" ");
  if (!options.jsonl && !fromArgs && io.stdin.isTTY) return fail(ctx, "usage", "give the draft as an argument or on standard input, e.g. askwell review \"Hi Dana, …\" or askwell review < draft.txt");
  const loaded = await contextForAsk(options.ask, io);
  if (!loaded.ok) return fail(ctx, loaded.code, loaded.message, loaded.exit);
  const workspace = await openLocalReviewWorkspace(io.env);
  try {
    const policy = workspace?.policy;
    const reviewDraft = reviewerFor(await reviewServiceFor(io), policy ? { ...loaded.context, policy } : loaded.context);
    const note = options.forwardable ? noteFor(policy) : null;
    // A batch is a test set more often than a team's asks: it is not counted in `askwell insights`.
    if (options.jsonl) return await runBatch(io, reviewDraft, note);

    const draft = fromArgs || (await readAll(io.stdin));
    if (!draft.trim()) return fail(ctx, "draft_empty", "the draft is empty. Paste the message you plan to send.");
    if (draft.length > MAX_DRAFT_CHARS) {
      return fail(ctx, "draft_too_long", `the draft is ${draft.length.toLocaleString("en")} characters; the limit is ${MAX_DRAFT_CHARS.toLocaleString("en")}. A networking ask should fit in five sentences.`);
    }
    const result = await reviewDraft(draft);
    await workspace?.countReview(result);
    const forwardable = note ? note(draft, result) : undefined;
    const color = !!io.stdout.isTTY && !io.env.NO_COLOR;
    if (options.json) io.stdout.write(JSON.stringify(note ? { ...result, forwardable } : result, null, 2) + "\n");
    else io.stdout.write(renderReviewText(result, { color }) + (forwardable !== undefined ? "\n\n" + renderForwardableText(result, forwardable, { color }) : "") + "\n");
    return EXIT.ok;
  } finally {
    await workspace?.close();
  }
}

export function defineReviewCommand(program: Command, state: ProgramState): void {
  subcommand(program, "review", "review", state)
    .summary("review a draft ask (argument or standard input); --json, --jsonl for batches")
    .description(DESCRIPTION)
    .argument("[draft...]", "the draft (quote it); read from standard input when absent")
    .option("--json", "print the review as one JSON object")
    .option("--jsonl", 'batch mode: read one {"id": "...", "text": "..."} object per line from standard input, write one result line per input line')
    .option("--ask <id>", "review the draft as part of a tracked ask (history rules apply)")
    .option("--forwardable", "for an intro request, also write a note the connector can forward to the third person (the double opt-in)")
    .addHelpText("after", EXAMPLES)
    .action(action<ReviewOptions>(state, "review", (ctx, args, options) => review(ctx, (args[0] as string[] | undefined) ?? [], options)));
}
