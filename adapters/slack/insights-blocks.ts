/** The team's monthly figures in Block Kit: the admins' App Home section, with a month picker. */
import type { types } from "@slack/bolt";
import type { InsightsReport } from "../../src/core/insights";
import { INSIGHTS_FOOTNOTE, insightsSections, insightsTitle, monthWords } from "../../src/render/insights";
import { escapeText, truncate, type Block } from "./blocks";

export const INSIGHTS_ACTIONS = { month: "insights_month" } as const;
/** Months offered by the picker, this one first. */
export const INSIGHTS_MONTHS = 12;

const plain = (text: string): types.PlainTextElement => ({ type: "plain_text", text: truncate(text, 150), emoji: true });
const option = (month: string): types.PlainTextOption => ({ text: plain(monthWords(month)), value: month });

/** `months`: the picker's choices, newest first (the report's month is selected). */
export function insightsHomeBlocks(report: InsightsReport, months: readonly string[]): Block[] {
  const options = months.map(option);
  const selected = options.find((o) => o.value === report.month);
  const sections = insightsSections(report).map(
    (section): Block => ({ type: "section", text: { type: "mrkdwn", text: truncate(`*${escapeText(section.heading)}*\n${section.lines.map((l) => escapeText(l)).join("\n")}`, 3000) } }),
  );
  return [
    { type: "header", text: plain(`${insightsTitle(report)} (admins)`) },
    {
      type: "actions",
      block_id: "insights_actions",
      elements: [{ type: "static_select", action_id: INSIGHTS_ACTIONS.month, placeholder: plain("Another month"), options, ...(selected ? { initial_option: selected } : {}) }],
    },
    ...sections,
    { type: "context", elements: [{ type: "mrkdwn", text: escapeText(INSIGHTS_FOOTNOTE) }] },
    { type: "divider" },
  ];
}
