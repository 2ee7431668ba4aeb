/** House rules in Block Kit: the admin's App Home section and the edit modal, and reading the modal back. */
import type { types } from "@slack/bolt";
import { describeHouseRules, HOUSE_LIMITS, type HouseRules } from "../../src/core/house-rules";
import { RULE_IDS, type RuleId } from "../../src/core/types";
import { escapeText, type Block, type View } from "./blocks";
import { encode, type ModalMetadata } from "./payloads";
import { fieldOfProblem, phraseLines, readPolicyForm, type PolicyFormField } from "../../src/team/policy-input";

export const HOUSE_ACTIONS = { edit: "edit_house_rules" } as const;
export const HOUSE_VIEW = "house_rules_modal";

const plain = (text: string): types.PlainTextElement => ({ type: "plain_text", text, emoji: true });
const option = (value: string, text = value): types.PlainTextOption => ({ text: plain(text), value });

/** The App Home section an admin sees: the rules in force, the latest change, and the edit button. */
export function houseRulesHomeBlocks(policy: HouseRules, version: number, lastChange: string | null, followUpDays: number, ownerValue: string): Block[] {
  return [
    { type: "header", text: plain("House rules (admins)") },
    { type: "section", text: { type: "mrkdwn", text: describeHouseRules(policy, followUpDays).map((l) => `• ${escapeText(l)}`).join("\n") } },
    { type: "context", elements: [{ type: "mrkdwn", text: version === 0 ? "Version 0: the contract as written." : `Version ${version}. Last change: ${escapeText(lastChange ?? "")}` }] },
    { type: "actions", block_id: "house_rules_actions", elements: [{ type: "button", text: plain("Edit house rules"), action_id: HOUSE_ACTIONS.edit, value: ownerValue }] },
    { type: "divider" },
  ];
}

const ruleOptions = RULE_IDS.map((rule) => option(rule));
const numbers = (min: number, max: number) => Array.from({ length: max - min + 1 }, (_, i) => option(String(min + i)));

function rulesSelect(blockId: string, label: string, selected: RuleId[]): Block {
  const initial = ruleOptions.filter((o) => selected.includes(o.value as RuleId));
  return {
    type: "input",
    block_id: blockId,
    optional: true,
    label: plain(label),
    element: { type: "multi_static_select", action_id: "value", options: ruleOptions, placeholder: plain("Pick rules"), ...(initial.length ? { initial_options: initial } : {}) },
  };
}

function numberSelect(blockId: string, label: string, range: { min: number; max: number }, value: number): Block {
  const options = numbers(range.min, range.max);
  return { type: "input", block_id: blockId, label: plain(label), element: { type: "static_select", action_id: "value", options, initial_option: options.find((o) => o.value === String(value))! } };
}

export function houseRulesModal(policy: HouseRules, metadata: ModalMetadata): View {
  const byRule = (setting: "off" | "tip") => RULE_IDS.filter((rule) => policy.rules[rule] === setting);
  const phrases = phraseLines(policy.phrases);
  return {
    type: "modal",
    callback_id: HOUSE_VIEW,
    private_metadata: encode(metadata),
    title: plain("House rules"),
    submit: plain("Save"),
    close: plain("Cancel"),
    blocks: [
      rulesSelect("rules_off", "Rules turned off for this workspace", byRule("off")),
      rulesSelect("rules_tip", "Rules shown as tips only", byRule("tip")),
      numberSelect("max_sentences", "Body-sentence limit", HOUSE_LIMITS.maxBodySentences, policy.maxBodySentences),
      {
        type: "input",
        block_id: "follow_up_days",
        optional: true,
        label: plain("Days before the follow-up reminder"),
        hint: plain("Empty: the deployment's default."),
        element: { type: "number_input", action_id: "value", is_decimal_allowed: false, min_value: String(HOUSE_LIMITS.followUpAfterDays.min), max_value: String(HOUSE_LIMITS.followUpAfterDays.max), ...(policy.followUpAfterDays !== null ? { initial_value: String(policy.followUpAfterDays) } : {}) },
      },
      numberSelect("reminder_cap", "Reminders per ask (0 none, 1 follow-up only, 2 also \"silence means no\")", HOUSE_LIMITS.reminderCap, policy.reminderCap),
      numberSelect("connector_threshold", "Connector notice after this many open intro requests", HOUSE_LIMITS.connectorThreshold, policy.connectorThreshold),
      {
        type: "input",
        block_id: "phrases",
        optional: true,
        label: plain("Team phrases, one per line: phrase => what to say"),
        hint: plain("e.g. circle back => Say what you need and by when instead."),
        element: { type: "plain_text_input", action_id: "value", multiline: true, max_length: 3000, ...(phrases ? { initial_value: phrases } : {}) },
      },
    ],
  };
}

type StateValues = Record<string, Record<string, { selected_options?: Array<{ value: string }> | null; selected_option?: { value: string } | null; value?: string | null }>>;

const FIELD_BLOCKS: Record<PolicyFormField, string> = {
  off: "rules_off",
  tip: "rules_tip",
  maxBodySentences: "max_sentences",
  followUpAfterDays: "follow_up_days",
  reminderCap: "reminder_cap",
  connectorThreshold: "connector_threshold",
  phrases: "phrases",
};

/** The modal's values as a candidate policy (validated by the caller with zod), or an error keyed by block id. */
export function readHouseRulesModal(values: StateValues): { candidate: unknown } | { errors: Record<string, string> } {
  const picked = (block: string) => (values[block]?.value?.selected_options ?? []).map((o) => o.value);
  const selected = (block: string) => values[block]?.value?.selected_option?.value;
  const read = readPolicyForm({
    off: picked("rules_off"),
    tip: picked("rules_tip"),
    maxBodySentences: selected("max_sentences"),
    followUpAfterDays: values.follow_up_days?.value?.value ?? undefined,
    reminderCap: selected("reminder_cap"),
    connectorThreshold: selected("connector_threshold"),
    phrases: values.phrases?.value?.value ?? "",
  });
  return "candidate" in read ? read : { errors: { [FIELD_BLOCKS[read.field]]: read.problem } };
}

/** zod's problems as errors next to the modal's fields. */
export function houseRulesErrors(problems: readonly string[]): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const problem of problems) {
    const block = FIELD_BLOCKS[fieldOfProblem(problem)];
    errors[block] = errors[block] ? `${errors[block]}; ${problem}` : problem;
  }
  return errors;
}
