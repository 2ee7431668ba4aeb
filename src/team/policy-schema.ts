/** House rules validated at the edge: what comes back from the database, a modal, a card or the CLI. */
import { z } from "zod";
import { DEFAULT_HOUSE_RULES, HOUSE_LIMITS, type HouseRules } from "../core/house-rules";
import { RULE_IDS } from "../core/types";

const whole = (range: { min: number; max: number }) => z.number().int().min(range.min).max(range.max);

export const houseRulesSchema = z.object({
  rules: z.partialRecord(z.enum(RULE_IDS), z.enum(["off", "tip"])).default({}),
  maxBodySentences: whole(HOUSE_LIMITS.maxBodySentences).default(DEFAULT_HOUSE_RULES.maxBodySentences),
  followUpAfterDays: whole(HOUSE_LIMITS.followUpAfterDays).nullable().default(null),
  reminderCap: whole(HOUSE_LIMITS.reminderCap).default(DEFAULT_HOUSE_RULES.reminderCap),
  connectorThreshold: whole(HOUSE_LIMITS.connectorThreshold).default(DEFAULT_HOUSE_RULES.connectorThreshold),
  phrases: z
    .array(z.object({ phrase: z.string().trim().min(1).max(HOUSE_LIMITS.phrases.phraseChars), message: z.string().trim().min(1).max(HOUSE_LIMITS.phrases.messageChars) }))
    .max(HOUSE_LIMITS.phrases.max)
    .default([]),
});

/** The house rules in `value`, or the reasons it is not valid, one per field, each naming it. */
export function parseHouseRules(value: unknown): { ok: true; value: HouseRules } | { ok: false; problems: string[] } {
  const parsed = houseRulesSchema.safeParse(value);
  if (parsed.success) return { ok: true, value: parsed.data as HouseRules };
  return { ok: false, problems: parsed.error.issues.map((issue) => `${issue.path.join(".") || "policy"}: ${issue.message}`) };
}
