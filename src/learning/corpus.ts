/** Labelled drafts on disk: JSON Lines with id, text, kind and flags (the spec's corpus format). */
import { readdirSync, readFileSync } from "node:fs";
import { resolve } from "node:path";
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
  /** The key facts a rewrite must keep (people, organisations, the ask), when labelled. */
  mustKeep: string[];
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
    drafts.push({ id: String(o.id), text: o.text, kind, flags, group: source, file: path, fresh: /(?:^|\/)corpus\/train\//.test(path), mustKeep: Array.isArray(o.must_keep) ? o.must_keep.map(String) : [] });
  });
  return { drafts, file: { path, sha256: createHash("sha256").update(raw).digest("hex"), drafts: drafts.length } };
}

/** The corpus files a manifest lists: a path ending in "/" stands for every .jsonl file in that folder, in name order. */
export function corpusFiles(base: string, entries: string[]): string[] {
  return entries.flatMap((entry) =>
    entry.endsWith("/")
      ? readdirSync(resolve(base, entry))
          .filter((name) => name.endsWith(".jsonl"))
          .sort()
          .map((name) => entry + name)
      : [entry],
  );
}
