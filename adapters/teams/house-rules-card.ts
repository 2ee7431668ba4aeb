/** The `policy` card: the workspace's house rules, editable by admins (Action.Submit "policy-save"). */
import type { Owner } from "../../src/core/ports";
import { describeHouseRules, HOUSE_LIMITS, type HouseRules } from "../../src/core/house-rules";
import { RULE_IDS } from "../../src/core/types";
import { phraseLines } from "../../src/team/policy-input";
import { actionData } from "./actions";
import type { AdaptiveCard } from "./cards";

const text = (value: string, extra: Record<string, unknown> = {}) => ({ type: "TextBlock", text: value, wrap: true, ...extra });
const choices = RULE_IDS.map((rule) => ({ title: rule, value: rule }));
const rulesWith = (policy: HouseRules, setting: "off" | "tip") => RULE_IDS.filter((rule) => policy.rules[rule] === setting).join(",");
const numberInput = (id: string, label: string, range: { min: number; max: number }, value: number | null) => ({
  type: "Input.Number",
  id,
  label,
  min: range.min,
  max: range.max,
  ...(value !== null ? { value } : {}),
});

export function houseRulesCard(policy: HouseRules, version: number, owner: Owner, options: { canEdit: boolean; followUpDays: number; note?: string }): AdaptiveCard {
  const body: unknown[] = [
    text("House rules", { size: "Large", weight: "Bolder" }),
    text(version === 0 ? "Version 0: the contract as written." : `Version ${version}.`, { isSubtle: true, spacing: "None" }),
    ...(options.note ? [text(options.note, { color: "Good" })] : []),
    ...describeHouseRules(policy, options.followUpDays).map((line) => text(`• ${line}`, { spacing: "None" })),
  ];
  if (!options.canEdit) {
    body.push(text("Only admins listed in ASKWELL_ADMINS can change these.", { isSubtle: true, size: "Small" }));
    return { type: "AdaptiveCard", $schema: "http://adaptivecards.io/schemas/adaptive-card.json", version: "1.4", body, msteams: { width: "Full" } };
  }
  body.push(
    { type: "Input.ChoiceSet", id: "rulesOff", label: "Rules turned off", isMultiSelect: true, choices, value: rulesWith(policy, "off"), separator: true },
    { type: "Input.ChoiceSet", id: "rulesTip", label: "Rules shown as tips only", isMultiSelect: true, choices, value: rulesWith(policy, "tip") },
    numberInput("maxSentences", `Body-sentence limit (${HOUSE_LIMITS.maxBodySentences.min}–${HOUSE_LIMITS.maxBodySentences.max})`, HOUSE_LIMITS.maxBodySentences, policy.maxBodySentences),
    numberInput("followUpDays", "Days before the follow-up reminder (empty: the default)", HOUSE_LIMITS.followUpAfterDays, policy.followUpAfterDays),
    numberInput("reminderCap", "Reminders per ask (0 none, 1 follow-up only, 2 also \"silence means no\")", HOUSE_LIMITS.reminderCap, policy.reminderCap),
    numberInput("connectorThreshold", "Connector notice after this many open intro requests", HOUSE_LIMITS.connectorThreshold, policy.connectorThreshold),
    { type: "Input.Text", id: "phrases", label: "Team phrases, one per line: phrase => what to say", isMultiline: true, value: phraseLines(policy.phrases), maxLength: 3000 },
  );
  return {
    type: "AdaptiveCard",
    $schema: "http://adaptivecards.io/schemas/adaptive-card.json",
    version: "1.4",
    body,
    actions: [{ type: "Action.Submit", title: "Save house rules", data: actionData(owner, "policy-save") }],
    msteams: { width: "Full" },
  };
}
