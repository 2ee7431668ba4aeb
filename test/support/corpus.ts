import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { review } from "../../src/core/review";
import { RULE_IDS, type RuleId } from "../../src/core/types";
import { MUST_BE_CLEAN } from "../../src/core/engine/rewrite";
import { analyse } from "../../src/core/engine/text";

export interface LabelledDraft {
  id: string;
  text: string;
  kind: string;
  flags: RuleId[];
  verdict: string;
  must_keep?: string[];
}

export const SHARED_CORPUS = join(__dirname, "..", "..", "..", "shared", "corpus", "dev.jsonl");
export const HELDOUT_CORPUS = join(__dirname, "..", "fixtures", "heldout.jsonl");
export const BLIND_CORPUS = join(__dirname, "..", "fixtures", "blind.jsonl");
export const BLIND2_CORPUS = join(__dirname, "..", "fixtures", "blind2.jsonl");
export const BLIND3_CORPUS = join(__dirname, "..", "fixtures", "blind3.jsonl");
export const BLIND4_CORPUS = join(__dirname, "..", "fixtures", "blind4.jsonl");
export const BLIND5_CORPUS = join(__dirname, "..", "fixtures", "blind5.jsonl");

export function loadCorpus(path: string): LabelledDraft[] {
  if (!existsSync(path)) return [];
  return readFileSync(path, "utf8").split("\n").filter((l) => l.trim()).map((l) => JSON.parse(l) as LabelledDraft);
}

/** The graceful-out cues the shared scorer looks for (../shared/eval/score.mjs), as an independent check. */
export const GRACE = /\b(understand|no worries|no problem|no pressure|zero pressure|feel free|totally fine|no offense|no offence|if not\b|rather not|not comfortable|uncomfortable|either way|ignore this|just ignore|pass on|decline|say no|no hard feelings|no obligation|not a good time|don't feel obligated|no need to|all good if|completely fine|perfectly fine|happy either way|won't take it personally|no harm)/i;
/** E-mails, URLs (trailing punctuation trimmed) and mentions, normalised as the shared scorer does. */
const entities = (t: string) =>
  new Set([
    ...(t.match(/[\w.+-]+@[\w-]+(?:\.[\w-]+)+/g) ?? []).map((e) => e.toLowerCase()),
    ...(t.match(/https?:\/\/[^\s|>]+/gi) ?? []).map((u) => u.toLowerCase().replace(/[.,;)]+$/, "")),
    ...(t.match(/<@\w+>/g) ?? []),
  ]);

/** Scores the engine on a labelled corpus the way the shared scorer does (macro-F1 over rules with support). */
export function scoreCorpus(items: LabelledDraft[]) {
  const counts = Object.fromEntries(RULE_IDS.map((r) => [r, { tp: 0, fp: 0, fn: 0 }])) as Record<RuleId, { tp: number; fp: number; fn: number }>;
  let kindOk = 0;
  let verdictOk = 0;
  const rewriteFailures: string[] = [];
  for (const item of items) {
    const result = review(item.text);
    const predicted = new Set(result.findings.map((f) => f.rule));
    const gold = new Set(item.flags);
    for (const rule of RULE_IDS) {
      if (gold.has(rule) && predicted.has(rule)) counts[rule].tp++;
      else if (predicted.has(rule)) counts[rule].fp++;
      else if (gold.has(rule)) counts[rule].fn++;
    }
    if (result.kind === item.kind) kindOk++;
    if (result.verdict === item.verdict) verdictOk++;
    if (result.verdict === "revise" || (result.verdict === "dont-send" && !predicted.has("repeat-follow-up"))) {
      const text = result.rewrite ?? "";
      const again = review(text).findings.filter((f) => MUST_BE_CLEAN.includes(f.rule)).map((f) => f.rule);
      const added = [...entities(text)].filter((e) => !entities(item.text).has(e));
      const sentences = analyse(text).bodySentences.length;
      if (!text || again.length || added.length || sentences > 5 || !GRACE.test(text)) rewriteFailures.push(`${item.id}: ${again.join(",")} ${added.join(",")} ${sentences}`);
    }
  }
  const f1s = Object.values(counts)
    .filter((c) => c.tp + c.fn > 0)
    .map(({ tp, fp, fn }) => {
      const p = tp + fp ? tp / (tp + fp) : 1;
      const r = tp + fn ? tp / (tp + fn) : 1;
      return p + r ? (2 * p * r) / (p + r) : 0;
    });
  return {
    macroF1: f1s.reduce((a, b) => a + b, 0) / Math.max(1, f1s.length),
    kindAccuracy: kindOk / Math.max(1, items.length),
    verdictAccuracy: verdictOk / Math.max(1, items.length),
    rewriteFailures,
  };
}
