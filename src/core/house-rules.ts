/**
 * A team's house rules: data an admin sets per workspace and the engine applies when it reviews
 * (rules turned off or made tips, the body-sentence limit, team phrases) and the tracker applies when
 * it schedules (the follow-up wait, the reminder cap) and warns (the connector threshold).
 * Pure: policies and edits in, policies and findings out; validation of outside input is at the edge.
 */
import { ok, refused, type Result } from "../errors";
import type { FollowUpPolicy } from "./follow-up-policy";
import { RULE_IDS, type Finding, type HouseNote, type RuleId, type Severity } from "./types";

export type RuleSetting = "on" | "off" | "tip";

export interface TeamPhrase {
  /** Matched case-insensitively, as whole words, with any run of spaces between its words. */
  phrase: string;
  /** What to show the sender when the phrase appears. */
  message: string;
}

export interface HouseRules {
  /** Rules set differently from the contract; a rule not listed is on, at its own severity. */
  rules: Partial<Record<RuleId, Exclude<RuleSetting, "on">>>;
  /** `too-long` fires past this many body sentences (the contract's 5 by default). */
  maxBodySentences: number;
  /** Days before the follow-up reminder; null keeps the deployment's FOLLOW_UP_AFTER_DAYS. */
  followUpAfterDays: number | null;
  /** Reminders per ask: 0 none, 1 the follow-up reminder only, 2 also the "silence means no" one. */
  reminderCap: number;
  /** Open intro requests a connector may already have from the team before a new one gets a notice. */
  connectorThreshold: number;
  phrases: TeamPhrase[];
}

export const HOUSE_LIMITS = {
  maxBodySentences: { min: 3, max: 8 },
  followUpAfterDays: { min: 1, max: 60 },
  reminderCap: { min: 0, max: 2 },
  connectorThreshold: { min: 1, max: 20 },
  phrases: { max: 50, phraseChars: 80, messageChars: 300 },
} as const;

export const DEFAULT_HOUSE_RULES: HouseRules = {
  rules: {},
  maxBodySentences: 5,
  followUpAfterDays: null,
  reminderCap: 2,
  connectorThreshold: 2,
  phrases: [],
};

/** What the rule table's detectors may read of the house rules. */
export interface HouseLimits {
  maxBodySentences: number;
}

export function ruleSetting(policy: HouseRules | undefined, rule: RuleId): RuleSetting {
  return policy?.rules[rule] ?? "on";
}

/**
 * A finding under the house rules: null when the team turned its rule off, a tip when the team
 * downgraded it, unchanged otherwise; with the note that tells the sender a house rule changed the advice.
 */
export function underHouseRules(finding: Finding, policy: HouseRules | undefined): { finding: Finding | null; note: HouseNote | null } {
  const setting = ruleSetting(policy, finding.rule);
  if (setting === "off") {
    return { finding: null, note: { rule: finding.rule, change: "off", message: `Your team turned off \`${finding.rule}\`, so this draft is not flagged for it.`, start: null, end: null } };
  }
  if (setting === "tip" && finding.severity !== "tip") {
    const note: HouseNote = { rule: finding.rule, change: "tip", message: `Your team made \`${finding.rule}\` a tip (it would be ${SEVERITY_WORDS[finding.severity]}).`, start: null, end: null };
    return { finding: { ...finding, severity: "tip" }, note };
  }
  return { finding, note: null };
}

const SEVERITY_WORDS: Record<Severity, string> = { blocker: "a blocker", warn: "a warning", tip: "a tip" };

/** The note for `too-long` judged against the team's limit instead of the contract's. */
export function limitNote(limit: number, defaultLimit: number): HouseNote | null {
  if (limit === defaultLimit) return null;
  return { rule: "too-long", change: "limit", message: `Your team's limit is ${limit} body sentences (the default is ${defaultLimit}).`, start: null, end: null };
}

function phrasePattern(phrase: string): RegExp {
  const words = phrase.trim().split(/\s+/).map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"));
  return new RegExp(`(?<![\\p{L}\\p{N}])${words.join("\\s+")}(?![\\p{L}\\p{N}])`, "iu");
}

/** Where each team phrase first appears in the draft, as notes to show next to the findings. */
export function teamPhraseNotes(text: string, policy: HouseRules | undefined): HouseNote[] {
  const notes: HouseNote[] = [];
  for (const { phrase, message } of policy?.phrases ?? []) {
    const hit = phrasePattern(phrase).exec(text);
    if (hit) notes.push({ rule: "team-phrase", change: "phrase", message: `“${hit[0]}”: ${message}`, start: hit.index, end: hit.index + hit[0].length });
  }
  return notes;
}

export type LimitKey = "maxBodySentences" | "followUpAfterDays" | "reminderCap" | "connectorThreshold";

/** One change an admin makes; every surface (App Home, Teams card, CLI) turns its input into these. */
export type PolicyEdit =
  | { type: "rule"; rule: RuleId; setting: RuleSetting }
  | { type: "limit"; key: LimitKey; value: number | null }
  | { type: "phrase-add"; phrase: string; message: string }
  | { type: "phrase-remove"; phrase: string }
  | { type: "replace"; policy: HouseRules };

const LIMIT_WORDS: Record<LimitKey, string> = {
  maxBodySentences: "body-sentence limit",
  followUpAfterDays: "follow-up wait (days)",
  reminderCap: "reminder cap",
  connectorThreshold: "connector threshold",
};

const samePhrase = (a: string, b: string): boolean => a.trim().replace(/\s+/g, " ").toLowerCase() === b.trim().replace(/\s+/g, " ").toLowerCase();

/** Applies an edit, or refuses it with a message the admin can act on. */
export function applyPolicyEdit(policy: HouseRules, edit: PolicyEdit): Result<HouseRules, "invalid_policy"> {
  switch (edit.type) {
    case "rule": {
      if (!(RULE_IDS as readonly string[]).includes(edit.rule)) return refused("invalid_policy", `There is no rule "${edit.rule}". Rules: ${RULE_IDS.join(", ")}.`);
      const rules = { ...policy.rules };
      if (edit.setting === "on") delete rules[edit.rule];
      else rules[edit.rule] = edit.setting;
      return ok({ ...policy, rules });
    }
    case "limit": {
      const range = HOUSE_LIMITS[edit.key];
      if (edit.value === null) return edit.key === "followUpAfterDays" ? ok({ ...policy, followUpAfterDays: null }) : refused("invalid_policy", `The ${LIMIT_WORDS[edit.key]} needs a number.`);
      if (!Number.isInteger(edit.value) || edit.value < range.min || edit.value > range.max) {
        return refused("invalid_policy", `The ${LIMIT_WORDS[edit.key]} must be a whole number from ${range.min} to ${range.max}.`);
      }
      return ok({ ...policy, [edit.key]: edit.value });
    }
    case "phrase-add": {
      const phrase = edit.phrase.trim().replace(/\s+/g, " ");
      const message = edit.message.trim();
      const limits = HOUSE_LIMITS.phrases;
      if (!/[\p{L}\p{N}]/u.test(phrase) || phrase.length > limits.phraseChars) return refused("invalid_policy", `A team phrase needs a word or more, up to ${limits.phraseChars} characters.`);
      if (!message || message.length > limits.messageChars) return refused("invalid_policy", `Say what to show when "${phrase}" appears (up to ${limits.messageChars} characters).`);
      const others = policy.phrases.filter((p) => !samePhrase(p.phrase, phrase));
      if (others.length >= limits.max) return refused("invalid_policy", `A team can keep up to ${limits.max} phrases; remove one first.`);
      return ok({ ...policy, phrases: [...others, { phrase, message }] });
    }
    case "phrase-remove": {
      const rest = policy.phrases.filter((p) => !samePhrase(p.phrase, edit.phrase));
      if (rest.length === policy.phrases.length) return refused("invalid_policy", `There is no team phrase "${edit.phrase.trim()}".`);
      return ok({ ...policy, phrases: rest });
    }
    case "replace":
      return ok(edit.policy);
  }
}

/** A one-line description of an edit for the policy's history (who changed what, when). */
export function describeEdit(before: HouseRules, edit: PolicyEdit): string {
  switch (edit.type) {
    case "rule":
      return `${edit.rule}: ${ruleSetting(before, edit.rule)} → ${edit.setting}`;
    case "limit":
      return `${LIMIT_WORDS[edit.key]}: ${before[edit.key] ?? "default"} → ${edit.value ?? "default"}`;
    case "phrase-add":
      return `team phrase added: "${edit.phrase.trim()}"`;
    case "phrase-remove":
      return `team phrase removed: "${edit.phrase.trim()}"`;
    case "replace":
      return describeChanges(before, edit.policy);
  }
}

function describeChanges(before: HouseRules, after: HouseRules): string {
  const changes: string[] = [];
  for (const rule of RULE_IDS) {
    const was = ruleSetting(before, rule);
    const is = ruleSetting(after, rule);
    if (was !== is) changes.push(`${rule}: ${was} → ${is}`);
  }
  for (const key of Object.keys(LIMIT_WORDS) as LimitKey[]) {
    if (before[key] !== after[key]) changes.push(`${LIMIT_WORDS[key]}: ${before[key] ?? "default"} → ${after[key] ?? "default"}`);
  }
  const added = after.phrases.filter((p) => !before.phrases.some((q) => samePhrase(p.phrase, q.phrase) && p.message === q.message));
  const removed = before.phrases.filter((p) => !after.phrases.some((q) => samePhrase(p.phrase, q.phrase)));
  for (const p of added) changes.push(`team phrase set: "${p.phrase}"`);
  for (const p of removed) changes.push(`team phrase removed: "${p.phrase}"`);
  return changes.length ? changes.join("; ") : "no change";
}

/** The house rules as lines a person reads (CLI `policy show`, Teams card, App Home). */
export function describeHouseRules(policy: HouseRules, deploymentFollowUpDays: number): string[] {
  const changed = RULE_IDS.filter((rule) => ruleSetting(policy, rule) !== "on");
  return [
    `Rules changed: ${changed.length ? changed.map((rule) => `${rule} ${ruleSetting(policy, rule)}`).join(", ") : "none (every rule as the contract says)"}`,
    `Body-sentence limit: ${policy.maxBodySentences}`,
    `Follow-up reminder after: ${policy.followUpAfterDays ?? deploymentFollowUpDays} days${policy.followUpAfterDays === null ? " (deployment default)" : ""}`,
    `Reminders per ask: ${policy.reminderCap} (${["none", "the follow-up reminder only", "follow-up, then \"silence means no\""][policy.reminderCap] ?? ""})`,
    `Connector notice after: ${policy.connectorThreshold} open intro request${policy.connectorThreshold === 1 ? "" : "s"} to the same person in 30 days`,
    `Team phrases: ${policy.phrases.length ? policy.phrases.map((p) => `"${p.phrase}" → ${p.message}`).join("; ") : "none"}`,
  ];
}

/** The deployment's follow-up policy with the team's wait and reminder cap. */
export function houseFollowUpPolicy(base: FollowUpPolicy, policy: HouseRules | undefined): FollowUpPolicy {
  if (!policy) return base;
  return { ...base, followUpAfterDays: policy.followUpAfterDays ?? base.followUpAfterDays, reminderCap: policy.reminderCap };
}
