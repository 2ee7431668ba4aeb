/** Labelled drafts on disk: JSON Lines with id, text, kind and flags (the spec's corpus format). */
import { readFileSync } from "node:fs";
import { createHash } from "node:crypto";
import { KINDS, RULE_IDS, type Kind, type RuleId } from "../core/types";

export interface LabelledDraft {
  id: string;
  text: string;
  kind: Kind;
  flags: RuleId[];
  /** Drafts from one source (a page, a thread) share a group, so cross-validation never splits them. */
  group: string;
  file: string;
  /** Collected and labelled after the lexicon was written, so the lexicon was never tuned on it. */
  fresh: boolean;
}

export interface CorpusFile {
  path: string;
  sha256: string;
  drafts: number;
}

export function readCorpus(path: string): { drafts: LabelledDraft[]; file: CorpusFile } {
  const raw = readFileSync(path, "utf8");
  const drafts: LabelledDraft[] = [];
  raw.split("\n").forEach((line, i) => {
    if (!line.trim()) return;
    const o = JSON.parse(line) as Record<string, unknown>;
    const kind = o.kind as Kind;
    const flags = (o.flags ?? []) as RuleId[];
    if (typeof o.text !== "string" || !KINDS.includes(kind) || !flags.every((f) => RULE_IDS.includes(f))) throw new Error(`${path}:${i + 1}: not a labelled draft`);
    const source = typeof o.source === "string" && o.source && o.source !== "written" ? o.source : `${path}#${String(o.id)}`;
    drafts.push({ id: String(o.id), text: o.text, kind, flags, group: source, file: path, fresh: /(?:^|\/)corpus\/train\//.test(path) });
  });
  return { drafts, file: { path, sha256: createHash("sha256").update(raw).digest("hex"), drafts: drafts.length } };
}
