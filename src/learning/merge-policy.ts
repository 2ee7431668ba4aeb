/**
 * `npm run train:merge`: measures, rule by rule, whether a model's review or the rules' learned layer
 * reads a judgment rule better, on training drafts with recorded model answers, and writes
 * src/llm/merge-policy.json for the referee. The rules' probabilities are out-of-fold (written by
 * `train.js --oof`): models that never saw the draft's source, as on a real draft.
 *
 *   node dist/src/learning/merge-policy.js --oof FILE [--manifest corpus/model-answers.json] [--out FILE]
 *
 * The manifest lists `{ "corpus": …, "answers": … }` pairs (paths relative to it).
 */
import { readFileSync, writeFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { RULES } from "../core/engine/rules";
import { LEARNED_RULES, type LearnedRule, type StoredWeights } from "../core/learned/model";
import type { Kind, RuleId } from "../core/types";
import { locateQuote } from "../llm/referee";
import type { RulePolicy, StoredMergePolicy } from "../llm/merge-policy";
import { readCorpus, type LabelledDraft } from "./corpus";

interface OutOfFold {
  id: string;
  file: string;
  kind: Kind;
  rules: Record<string, { probability: number; lexicon: boolean }>;
}

interface RecordedAnswer {
  id: string;
  kind: string;
  findings?: Array<{ rule: string; quote: string | null }>;
}

/** One training draft the model answered: what the labels say, what the model fired, what the rules' layer thought. */
interface Case {
  draft: LabelledDraft;
  answer: RecordedAnswer;
  modelFired: Set<string>;
  outOfFold: OutOfFold;
  source: string;
}

const ABSENCE_RULES = new Set<string>(["no-graceful-out", "no-shared-context", "no-specifics", "unclear-intent", "no-value-for-recipient", "no-timeline", "no-direct-contact"]);
/** A change from "the model decides" must raise the rule's F1 by this much on the pooled answers, and lower it on no corpus. */
const MIN_GAIN = 0.02;
const MODEL_NEEDS = [0, 0.02, 0.05, 0.1, 0.2, 0.3];
const RULES_ALONE: Array<number | null> = [null, 0.99, 0.95, 0.9, 0.8, 0.7, 0.6, 0.5];

function readLines<T>(path: string): T[] {
  return readFileSync(path, "utf8")
    .split("\n")
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as T);
}

function cases(manifestPath: string, oofPath: string): Case[] {
  const base = dirname(resolve(manifestPath));
  const manifest = JSON.parse(readFileSync(manifestPath, "utf8")) as { pairs: Array<{ corpus: string; answers: string }> };
  const outOfFold = new Map(readLines<OutOfFold>(oofPath).map((o) => [`${resolve(o.file)}#${o.id}`, o]));
  const all: Case[] = [];
  for (const pair of manifest.pairs) {
    const corpusPath = resolve(base, pair.corpus);
    const answers = new Map(readLines<RecordedAnswer>(resolve(base, pair.answers)).map((a) => [String(a.id), a]));
    for (const draft of readCorpus(corpusPath).drafts) {
      const answer = answers.get(draft.id);
      const oof = outOfFold.get(`${corpusPath}#${draft.id}`);
      if (!answer || !oof) continue;
      const modelFired = new Set((answer.findings ?? []).filter((f) => ABSENCE_RULES.has(f.rule) || (f.quote && locateQuote(draft.text, f.quote))).map((f) => f.rule));
      all.push({ draft, answer, modelFired, outOfFold: oof, source: pair.corpus });
    }
  }
  return all;
}

const f1 = (tp: number, fp: number, fn: number): number => (tp + fp + fn === 0 ? 1 : (2 * tp) / (2 * tp + fp + fn));

/** Whether the merged review fires the rule on a case under a policy (as the referee decides it). */
function merged(c: Case, rule: LearnedRule, policy: RulePolicy, rulesFire: (c: Case) => boolean): boolean {
  const p = c.outOfFold.rules[rule]!.probability;
  if (c.modelFired.has(rule)) return p >= policy.modelNeedsAtLeast;
  return policy.rulesAloneAtLeast !== null && p >= policy.rulesAloneAtLeast && rulesFire(c);
}

function f1Of(items: Case[], rule: LearnedRule, decide: (c: Case) => boolean): number {
  let tp = 0, fp = 0, fn = 0;
  for (const c of items) {
    const yes = decide(c);
    const label = c.draft.flags.includes(rule as RuleId);
    if (yes && label) tp++;
    else if (yes) fp++;
    else if (label) fn++;
  }
  return f1(tp, fp, fn);
}

function main(): void {
  const argv = process.argv.slice(2);
  const arg = (name: string, fallback: string) => (argv.includes(name) ? argv[argv.indexOf(name) + 1]! : fallback);
  const oof = arg("--oof", "");
  if (!oof) throw new Error("usage: merge-policy.js --oof FILE [--manifest corpus/model-answers.json] [--out src/llm/merge-policy.json]");
  const manifest = arg("--manifest", "corpus/model-answers.json");
  const out = arg("--out", "src/llm/merge-policy.json");
  const weights = JSON.parse(readFileSync(arg("--weights", "src/core/learned/weights.json"), "utf8")) as StoredWeights;

  const all = cases(manifest, oof);
  // Only drafts whose kind the model got right: the rule's question is then the same for both readers.
  const agreed = all.filter((c) => c.answer.kind === c.draft.kind);
  const rules: StoredMergePolicy["rules"] = {};
  const report: Record<string, unknown> = {};
  const modelDecides: RulePolicy = { modelNeedsAtLeast: 0, rulesAloneAtLeast: null };
  for (const rule of LEARNED_RULES) {
    const kinds = RULES.find((r) => r.id === rule)!.kinds as readonly Kind[];
    const items = agreed.filter((c) => kinds.includes(c.draft.kind) && c.outOfFold.rules[rule]);
    const t = weights.thresholds[rule];
    const rulesFire = (c: Case) => c.outOfFold.rules[rule]!.probability >= (c.outOfFold.rules[rule]!.lexicon ? t.withLexicon : t.alone);
    const sources = [...new Set(items.map((c) => c.source))];
    const score = (policy: RulePolicy, subset = items) => f1Of(subset, rule, (c) => merged(c, rule, policy, rulesFire));
    const base = score(modelDecides);
    let best = { policy: modelDecides, f1: base };
    for (const modelNeedsAtLeast of MODEL_NEEDS)
      for (const rulesAloneAtLeast of RULES_ALONE) {
        const policy = { modelNeedsAtLeast, rulesAloneAtLeast };
        const f = score(policy);
        const holdsEverywhere = sources.every((s) => score(policy, items.filter((c) => c.source === s)) >= score(modelDecides, items.filter((c) => c.source === s)) - 1e-9);
        if (f >= base + MIN_GAIN && f > best.f1 + 1e-9 && holdsEverywhere) best = { policy, f1: f };
      }
    if (best.policy !== modelDecides) rules[rule] = best.policy;
    report[rule] = { drafts: items.length, positives: items.filter((c) => c.draft.flags.includes(rule as RuleId)).length, modelF1: Number(base.toFixed(3)), rulesF1: Number(f1Of(items, rule, rulesFire).toFixed(3)), mergedF1: Number(best.f1.toFixed(3)), policy: best.policy };
  }
  const stored: StoredMergePolicy = { format: 1, rules, madeFrom: { answered: all.length, kindAgreed: agreed.length, pairs: (JSON.parse(readFileSync(manifest, "utf8")) as { pairs: unknown }).pairs, minGain: MIN_GAIN, report } };
  console.log(JSON.stringify(stored.madeFrom, null, 2));
  writeFileSync(out, JSON.stringify(stored, null, 2) + "\n");
  console.log(`wrote ${out}`);
}

main();
