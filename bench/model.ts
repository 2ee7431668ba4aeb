/**
 * `npm run bench:model -- --corpus FILE --answers FILE [--corpus FILE --answers FILE …] [--scorer FILE] [--misses]`
 *
 * The model path's quality, replayed: recorded answers (one per draft) are served by a local
 * OpenAI-compatible server to the real `openai` client inside `askwell review --jsonl`, and the shared
 * scorer scores that run beside the rules-only run on the same corpus. Prints, per corpus, both paths'
 * macro-F1, kind and verdict accuracy, and how often the kind and each rule came from the model.
 * Never contacts a real service.
 */
import { spawn } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { basename, join, resolve } from "node:path";
import { parseArgs } from "node:util";
import { RULE_IDS } from "../src/core/types";
import { recordedAnswers, startReplayServer } from "./replay-server";

const ROOT = resolve(__dirname, "..", "..");
const CLI = `node ${JSON.stringify(join(ROOT, "bin", "askwell.js"))} review --jsonl`;

interface Scores {
  macro_f1: number;
  kind_acc: number;
  verdict_acc: number;
  rewrite: { pass: number };
}

function run(command: string, args: string[], env: NodeJS.ProcessEnv, input?: string): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((done, fail) => {
    const child = spawn(command, args, { env, stdio: ["pipe", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (c: Buffer) => (stdout += c.toString("utf8")));
    child.stderr.on("data", (c: Buffer) => (stderr += c.toString("utf8")));
    child.on("error", fail);
    child.on("close", (code) => done({ code, stdout, stderr }));
    child.stdin.end(input ?? "");
  });
}

/** The environment of one path: no model at all, or the replay server as the model. */
function envFor(baseURL: string | null): NodeJS.ProcessEnv {
  const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith("OPENAI_") && !k.startsWith("LLM_")));
  if (baseURL === null) return env;
  return { ...env, OPENAI_API_KEY: "replay", OPENAI_BASE_URL: baseURL, OPENAI_MODEL: "replay", LLM_TIME_BUDGET_MS: "60000", LLM_MAX_RETRIES: "0", LLM_DAILY_TOKENS_PER_WORKSPACE: String(Number.MAX_SAFE_INTEGER), LOG_LEVEL: "error" };
}

async function score(scorer: string, corpus: string, env: NodeJS.ProcessEnv, misses: boolean): Promise<Scores> {
  if (misses) {
    const shown = await run(process.execPath, [scorer, "--corpus", corpus, "--cmd", CLI, "--misses"], env);
    process.stdout.write(shown.stdout.split("\n").filter((l) => l.startsWith("  miss ")).join("\n") + "\n");
  }
  const result = await run(process.execPath, [scorer, "--corpus", corpus, "--cmd", CLI, "--json"], env);
  if (result.code !== 0 && result.code !== 1) throw new Error(`the scorer failed on ${corpus}: ${result.stderr.slice(-500)}`);
  return JSON.parse(result.stdout.trim().split("\n").at(-1)!) as Scores;
}

/** Per result of the model path: did the kind come from the model, and which rules did it add or overrule. */
async function sources(corpus: string, env: NodeJS.ProcessEnv) {
  const input = readFileSync(corpus, "utf8");
  const out = await run("sh", ["-c", CLI], env, input);
  const lines = out.stdout.split("\n").filter((l) => l.trim()).map((l) => JSON.parse(l) as { kindSource?: string; overruled?: string[]; findings?: { rule: string; source?: string }[] });
  const added = Object.fromEntries(RULE_IDS.map((r) => [r, 0]));
  const overruled = Object.fromEntries(RULE_IDS.map((r) => [r, 0]));
  let reviewed = 0;
  let kind = 0;
  for (const line of lines) {
    if (line.kindSource) reviewed++;
    if (line.kindSource === "model") kind++;
    for (const f of line.findings ?? []) if (f.source === "model") added[f.rule]!++;
    for (const r of line.overruled ?? []) overruled[r]!++;
  }
  return { results: lines.length, reviewed, kind, added, overruled };
}

const pct = (n: number, of: number) => `${((100 * n) / Math.max(1, of)).toFixed(1)}%`;
const f3 = (n: number) => n.toFixed(3);

async function benchCorpus(corpus: string, answersFile: string, scorer: string, misses: boolean) {
  const recorded = recordedAnswers(answersFile, corpus);
  const server = await startReplayServer(recorded.answerFor);
  try {
    const rules = await score(scorer, corpus, envFor(null), misses);
    const model = await score(scorer, corpus, envFor(server.baseURL), misses);
    const from = await sources(corpus, envFor(server.baseURL));
    console.log(`\n${basename(corpus)}: ${from.results} drafts, ${recorded.loaded} recorded answers (${basename(answersFile)}), ${from.reviewed} results reviewed by the model`);
    for (const p of recorded.problems.slice(0, 5)) console.log(`  answers file: ${p}`);
    console.log("  path          macro-F1   kind    verdict  rewrite pass");
    for (const [name, s] of [["rules only", rules], ["model", model]] as const) {
      console.log(`  ${name.padEnd(12)}  ${f3(s.macro_f1).padStart(8)}  ${f3(s.kind_acc).padStart(6)}  ${f3(s.verdict_acc).padStart(7)}  ${f3(s.rewrite.pass).padStart(12)}`);
    }
    console.log(`  from the model: the kind in ${pct(from.kind, from.results)} of results (the rest kept or confirmed the rules' kind)`);
    const rows = RULE_IDS.filter((r) => from.added[r] || from.overruled[r]).map((r) => `${r} +${pct(from.added[r]!, from.results)} −${pct(from.overruled[r]!, from.results)}`);
    console.log(`  rules the model added (+) or overruled (−), share of results: ${rows.length ? "" : "none"}`);
    for (const row of rows) console.log(`    ${row}`);
    return { corpus: basename(corpus), rules, model };
  } finally {
    await server.close();
  }
}

async function main() {
  const { values } = parseArgs({ options: { corpus: { type: "string", multiple: true }, answers: { type: "string", multiple: true }, scorer: { type: "string" }, misses: { type: "boolean" } } });
  const corpora = values.corpus ?? [];
  const answers = values.answers ?? [];
  const scorer = resolve(values.scorer ?? join(ROOT, "..", "shared", "eval", "score.mjs"));
  if (!corpora.length || corpora.length !== answers.length) {
    console.error("usage: npm run bench:model -- --corpus FILE --answers FILE [--corpus FILE --answers FILE …] [--scorer score.mjs] [--misses]");
    process.exitCode = 2;
    return;
  }
  for (const file of [scorer, ...corpora, ...answers]) {
    if (!existsSync(file)) {
      console.error(`not found: ${file}`);
      process.exitCode = 2;
      return;
    }
  }
  console.log(`model path replayed from recorded answers; scorer ${scorer}`);
  for (let i = 0; i < corpora.length; i++) await benchCorpus(resolve(corpora[i]!), resolve(answers[i]!), scorer, !!values.misses);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exitCode = 1;
});
