/**
 * What the team learns: the counters an admin's monthly view is built from, and the view itself. Pure:
 * the month and every count come in as arguments. Only counts, rule ids and verdicts exist here — no
 * draft, no person: a review becomes "one more `revise`, one more `no-timeline`" in its workspace's month.
 */
import { RULES } from "./engine/rules";
import { RULE_IDS, type ReviewResult, type RuleId, type Verdict } from "./types";

/** What is counted. `detail` is the verdict of a `review`, the rule id of a `finding`, and "" otherwise. */
export const INSIGHT_METRICS = ["review", "finding", "rewrite-offered", "rewrite-used", "follow-up-sent", "silence-means-no"] as const;
export type InsightMetric = (typeof INSIGHT_METRICS)[number];

/** Something that happened once, as a counter names it. */
export type InsightEvent =
  | { metric: "review"; detail: Verdict }
  | { metric: "finding"; detail: RuleId }
  | { metric: "rewrite-offered" | "rewrite-used" | "follow-up-sent" | "silence-means-no"; detail: "" };

/** One counter of a workspace's month. */
export interface InsightCount {
  metric: InsightMetric;
  detail: string;
  count: number;
}

export const VERDICTS: readonly Verdict[] = ["ready", "revise", "dont-send", "not-an-ask"];

/** The counters one review adds: its verdict, each rule it reported (once), and whether it offered a rewrite. */
export function eventsOfReview(result: Pick<ReviewResult, "verdict" | "findings" | "rewrite">): InsightEvent[] {
  const events: InsightEvent[] = [{ metric: "review", detail: result.verdict }];
  for (const rule of new Set(result.findings.map((f) => f.rule))) events.push({ metric: "finding", detail: rule });
  if (result.rewrite) events.push({ metric: "rewrite-offered", detail: "" });
  return events;
}

/** Events as counters, one per metric and detail. */
export function tally(events: readonly InsightEvent[]): InsightCount[] {
  const counts = new Map<string, InsightCount>();
  for (const event of events) {
    const key = `${event.metric}\u0000${event.detail}`;
    const current = counts.get(key);
    if (current) current.count += 1;
    else counts.set(key, { metric: event.metric, detail: event.detail, count: 1 });
  }
  return [...counts.values()];
}

/* ---------- months (UTC) ---------- */

const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;

/** The month of an instant, `YYYY-MM` in UTC. */
export function monthOf(at: Date): string {
  return at.toISOString().slice(0, 7);
}

/** A `YYYY-MM` month as given, or null when it is not one. */
export function parseMonth(text: string): string | null {
  const trimmed = text.trim();
  return MONTH.test(trimmed) ? trimmed : null;
}

/** The month's first instant and the next month's first instant (UTC). */
export function monthRange(month: string): { start: Date; end: Date } {
  const [, year, mm] = MONTH.exec(month) ?? [];
  if (!year || !mm) throw new Error(`not a month: ${month}`);
  return { start: new Date(Date.UTC(Number(year), Number(mm) - 1, 1)), end: new Date(Date.UTC(Number(year), Number(mm), 1)) };
}

/** The `count` months up to and including `month`, newest first. */
export function recentMonths(month: string, count: number): string[] {
  const { start } = monthRange(month);
  return Array.from({ length: count }, (_, i) => monthOf(new Date(Date.UTC(start.getUTCFullYear(), start.getUTCMonth() - i, 1))));
}

/* ---------- the report ---------- */

const TITLES = new Map<string, string>(RULES.map((rule) => [rule.id, rule.title]));

/** A rule's human title ("No time frame"). */
export function ruleTitle(rule: RuleId): string {
  return TITLES.get(rule) ?? rule;
}

/** A rule marked "Not applicable" on at least this share of its findings, and this often, may misfire for the team. */
export const MISFIRE_RATE = 0.5;
export const MISFIRE_MIN_CLICKS = 3;

export interface RuleCount {
  rule: RuleId;
  title: string;
  count: number;
}

export interface NotApplicableRate {
  rule: RuleId;
  title: string;
  /** "Not applicable" clicks on this rule's findings in the month. */
  clicks: number;
  /** Findings of this rule shown in the month. */
  findings: number;
  /** clicks / findings, at most 1; null when no finding of the rule was counted in the month. */
  rate: number | null;
  /** Often enough marked not applicable to look at: the signal of a rule that misfires for this team. */
  oftenDismissed: boolean;
}

export interface InsightsReport {
  /** `YYYY-MM`, UTC. */
  month: string;
  reviews: { total: number; byVerdict: Record<Verdict, number> };
  /** Every rule that fired in the month, most frequent first. */
  findings: RuleCount[];
  rewrites: { offered: number; used: number };
  followUps: {
    /** Follow-ups people logged as sent. */
    sent: number;
    /** Times Askwell advised against one: `silenceMeansNo` + `repeatFollowUp`. */
    advisedAgainst: number;
    /** "Silence means no" reminders delivered (after one follow-up, no need to chase). */
    silenceMeansNo: number;
    /** Reviews that found a second follow-up (`repeat-follow-up`). */
    repeatFollowUp: number;
  };
  /** Rules with at least one "Not applicable" click in the month, highest rate first (no rate last). */
  notApplicable: NotApplicableRate[];
}

const isRule = (value: string): value is RuleId => (RULE_IDS as readonly string[]).includes(value);
const isVerdict = (value: string): value is Verdict => (VERDICTS as readonly string[]).includes(value);

/** The month's view from its counters and its "Not applicable" clicks per rule; unknown ids are ignored. */
export function insightsReport(month: string, counts: readonly InsightCount[], dismissals: Readonly<Record<string, number>>): InsightsReport {
  const sum = (metric: InsightMetric) => counts.filter((c) => c.metric === metric).reduce((total, c) => total + c.count, 0);
  const byVerdict = Object.fromEntries(VERDICTS.map((v) => [v, 0])) as Record<Verdict, number>;
  for (const c of counts) if (c.metric === "review" && isVerdict(c.detail)) byVerdict[c.detail] += c.count;

  const fired = new Map<RuleId, number>();
  for (const c of counts) if (c.metric === "finding" && isRule(c.detail)) fired.set(c.detail, (fired.get(c.detail) ?? 0) + c.count);
  const findings = [...fired]
    .filter(([, count]) => count > 0)
    .map(([rule, count]) => ({ rule, title: ruleTitle(rule), count }))
    .sort((a, b) => b.count - a.count || RULE_IDS.indexOf(a.rule) - RULE_IDS.indexOf(b.rule));

  const notApplicable = Object.entries(dismissals)
    .filter((entry): entry is [RuleId, number] => isRule(entry[0]) && entry[1] > 0)
    .map(([rule, clicks]) => {
      const shown = fired.get(rule) ?? 0;
      const rate = shown > 0 ? Math.min(1, clicks / shown) : null;
      return { rule, title: ruleTitle(rule), clicks, findings: shown, rate, oftenDismissed: rate !== null && clicks >= MISFIRE_MIN_CLICKS && rate >= MISFIRE_RATE };
    })
    .sort((a, b) => (b.rate ?? -1) - (a.rate ?? -1) || b.clicks - a.clicks || RULE_IDS.indexOf(a.rule) - RULE_IDS.indexOf(b.rule));

  const silenceMeansNo = sum("silence-means-no");
  const repeatFollowUp = fired.get("repeat-follow-up") ?? 0;
  return {
    month,
    reviews: { total: VERDICTS.reduce((total, v) => total + byVerdict[v], 0), byVerdict },
    findings,
    rewrites: { offered: sum("rewrite-offered"), used: sum("rewrite-used") },
    followUps: { sent: sum("follow-up-sent"), advisedAgainst: silenceMeansNo + repeatFollowUp, silenceMeansNo, repeatFollowUp },
    notApplicable,
  };
}
