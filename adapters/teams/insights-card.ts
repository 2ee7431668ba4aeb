/** The `insights` card: the team's figures for a month (admins only), counts and rule titles only. */
import type { InsightsReport } from "../../src/core/insights";
import { INSIGHTS_FOOTNOTE, insightsSections, insightsTitle } from "../../src/render/insights";
import type { AdaptiveCard } from "./cards";

const text = (value: string, extra: Record<string, unknown> = {}) => ({ type: "TextBlock", text: value, wrap: true, ...extra });

export function insightsCard(report: InsightsReport, otherMonthHint: string): AdaptiveCard {
  const body: unknown[] = [text(insightsTitle(report), { size: "Large", weight: "Bolder" })];
  for (const section of insightsSections(report)) {
    body.push(text(section.heading, { weight: "Bolder", spacing: "Medium" }));
    for (const line of section.lines) body.push(text(line, { spacing: "None" }));
  }
  body.push(text(INSIGHTS_FOOTNOTE, { isSubtle: true, size: "Small", spacing: "Medium" }), text(otherMonthHint, { isSubtle: true, size: "Small", spacing: "None" }));
  return { type: "AdaptiveCard", $schema: "http://adaptivecards.io/schemas/adaptive-card.json", version: "1.4", body, msteams: { width: "Full" } };
}
