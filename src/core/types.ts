import type { LearnedModels } from "./learned/model";
import type { HouseRules } from "./house-rules";
/** The stable identifiers of the contract (../shared/spec/coaching-rules.md). */
export const KINDS = [
  "intro_request",
  "recommendation_ask",
  "endorsement_ask",
  "connection_request",
  "outreach",
  "follow_up",
  "other",
] as const;
export type Kind = (typeof KINDS)[number];
export type AskKind = Exclude<Kind, "other">;

export const RULE_IDS = [
  "quid-pro-quo",
  "no-first-hand-basis",
  "repeat-follow-up",
  "no-graceful-out",
  "generic-template",
  "no-shared-context",
  "no-specifics",
  "unclear-intent",
  "no-value-for-recipient",
  "premature-pitch",
  "demanding-tone",
  "too-long",
  "email-workaround",
  "mass-blast",
  "no-timeline",
  "no-direct-contact",
] as const;
export type RuleId = (typeof RULE_IDS)[number];

export type Severity = "blocker" | "warn" | "tip";
export type Verdict = "ready" | "revise" | "dont-send" | "not-an-ask";

export interface Finding {
  rule: RuleId;
  severity: Severity;
  /** UTF-16 offsets into the draft, or null when the finding is about something missing. */
  start: number | null;
  end: number | null;
  message: string;
  why: string;
  /** Who decided this finding: the rules engine (the default when absent) or the model (a finding the rules did not report). */
  source?: FindingSource;
}

export type FindingSource = "rules" | "model";

export type ChecklistId = "who-you-are" | "what-you-ask" | "mutual-help" | "why-it-matters" | "timeline";
export interface ChecklistItem {
  id: ChecklistId;
  question: string;
  present: boolean;
}

export type RewriteSource = "rules" | "model";

/** Something the sender should know about how the draft was read, beyond the findings. */
export interface ReviewNotice {
  /** `unsupported-language`: not reviewed (English only for now); `unsure-kind`: reviewed as the ask it most resembles. */
  code: "unsupported-language" | "unsure-kind";
  message: string;
}

export interface ReviewResult {
  kind: Kind;
  verdict: Verdict;
  score: number;
  findings: Finding[];
  checklist: ChecklistItem[];
  /** null when the verdict is `ready` or `not-an-ask`, or when the advice is not to send at all. */
  rewrite: string | null;
  rewriteSource: RewriteSource | null;
  /** Set when the sender should know how the draft was read (another language, an unsure kind). */
  notice?: ReviewNotice;
  /** One line, safe to store: the kind and the rules that fired, never the draft's words. */
  summary: string;
  /** Set when a model reviewed the draft: "model" when its kind replaced the rules' kind, else "rules". */
  kindSource?: FindingSource;
  /** Set when a model reviewed the draft: rules the engine reported that the model's review overruled. */
  overruled?: RuleId[];
  /** Set when a model contributed: the version of the prompt templates (`prompts/VERSION` + content hash). */
  promptVersion?: string;
  /** Set when the team's house rules changed the advice: a rule off or made a tip, a limit, a team phrase. */
  house?: HouseNote[];
}

/** How a team's house rule changed a review. A `phrase` note points at the words (UTF-16 offsets). */
export interface HouseNote {
  rule: RuleId | "team-phrase";
  change: "off" | "tip" | "limit" | "phrase";
  message: string;
  start: number | null;
  end: number | null;
}

/** What the tracker knows about the ask a draft belongs to (spec: "Rules from tracked history"). */
export interface AskHistory {
  /** Follow-ups already logged for this ask. */
  followUpsLogged: number;
  /** Different people who received the same ask (same kind, near-identical text) in the last 14 days. */
  recipientsOfSameAskLast14Days: number;
}

export interface ReviewContext {
  history?: AskHistory;
  /** The learned judgment models; `null` reviews with the lexicon alone; omitted, the shipped models. */
  learned?: LearnedModels | null;
  /** The workspace's house rules; omitted, the contract as written. */
  policy?: HouseRules;
}
