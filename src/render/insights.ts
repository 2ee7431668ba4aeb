/**
 * The team's monthly figures in words, the same on every surface: a title and sections of lines that
 * the CLI prints, Slack lays out in blocks and Teams in a card. Only counts, rule ids and rule titles.
 */
import type { InsightsReport } from "../core/insights";
import { monthRange } from "../core/insights";
import type { Verdict } from "../core/types";
import { plural } from "./plain-text";

export interface InsightsSection {
  heading: string;
  lines: string[];
}

/** Findings listed by name; the rest are summed up in one line. */
export const TOP_FINDINGS = 5;

const VERDICT_WORDS: Record<Verdict, string> = { ready: "ready to send", revise: "to revise", "dont-send": "don't send", "not-an-ask": "not an ask" };

export const INSIGHTS_FOOTNOTE = "Counts only: no drafts, no names. Months are UTC. A rewrite is used when someone starts from it (Review my edit in Slack, Use this rewrite in Teams).";

const percent = (part: number, whole: number) => (whole > 0 ? ` (${Math.round((100 * part) / whole)}%)` : "");

/** "November 2026". */
export function monthWords(month: string): string {
  return monthRange(month).start.toLocaleString("en-US", { month: "long", year: "numeric", timeZone: "UTC" });
}

export function insightsTitle(report: InsightsReport): string {
  return `What the team learns: ${monthWords(report.month)}`;
}

export function insightsSections(report: InsightsReport): InsightsSection[] {
  const { reviews, findings, rewrites, followUps, notApplicable } = report;
  const verdicts = (Object.keys(VERDICT_WORDS) as Verdict[]).map((v) => `${reviews.byVerdict[v]} ${VERDICT_WORDS[v]}`).join(", ");
  const top = findings.slice(0, TOP_FINDINGS).map((f, i) => `${i + 1}. ${f.title} (\`${f.rule}\`): ${f.count}`);
  const rest = findings.slice(TOP_FINDINGS);
  if (rest.length > 0) top.push(`…and ${plural(rest.length, "more rule")} (${plural(rest.reduce((sum, f) => sum + f.count, 0), "finding")})`);
  const advised: string[] = [];
  if (followUps.silenceMeansNo > 0) advised.push(`${followUps.silenceMeansNo} “silence means no” reminder${followUps.silenceMeansNo === 1 ? "" : "s"}`);
  if (followUps.repeatFollowUp > 0) advised.push(`${plural(followUps.repeatFollowUp, "review")} of a second follow-up`);
  return [
    { heading: "Reviews", lines: [reviews.total === 0 ? "No reviews counted this month." : `${plural(reviews.total, "review")}: ${verdicts}`] },
    { heading: "Most frequent findings", lines: top.length > 0 ? top : ["No findings this month."] },
    { heading: "Rewrites", lines: [`${rewrites.offered} offered, ${rewrites.used} used${percent(rewrites.used, rewrites.offered)}`] },
    { heading: "Follow-ups", lines: [`${followUps.sent} sent, ${followUps.advisedAgainst} advised against${advised.length ? ` (${advised.join(", ")})` : ""}`] },
    {
      heading: "“Not applicable” per rule",
      lines:
        notApplicable.length === 0
          ? ["No “Not applicable” clicks this month."]
          : notApplicable.map((n) => {
              const rate = `${plural(n.clicks, "click")} on ${n.findings > 0 ? `${plural(n.findings, "finding")}${percent(Math.min(n.clicks, n.findings), n.findings)}` : "no finding counted this month"}`;
              return `${n.title} (\`${n.rule}\`): ${rate}${n.oftenDismissed ? " — often marked not applicable: check whether it misfires for your team" : ""}`;
            }),
    },
  ];
}

/** The whole view as plain text (the CLI). */
export function renderInsightsText(report: InsightsReport): string {
  const lines = [insightsTitle(report), ""];
  for (const section of insightsSections(report)) lines.push(`${section.heading}:`, ...section.lines.map((l) => `  ${l}`));
  lines.push("", INSIGHTS_FOOTNOTE);
  return lines.join("\n");
}
