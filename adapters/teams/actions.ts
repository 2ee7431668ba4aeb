/**
 * Card action payloads: what our Adaptive Card buttons carry, and the check that the person pressing
 * one is the person the card was made for. Teams shows a channel's cards to everyone, and a payload
 * can be forged: the owner in the payload must be the acting user in the acting tenant.
 */
import { z } from "zod";
import type { Owner } from "../../src/core/ports";
import { RULE_IDS } from "../../src/core/types";
import { refused, ok, type Result } from "../../src/errors";
import { sameOwner } from "./owner";

export const ACTION_NAMES = ["track", "review-edit", "use-rewrite", "not-applicable", "forwardable", "followed-up", "replied", "close", "forget", "policy-save"] as const;
export type ActionName = (typeof ACTION_NAMES)[number];

/** The longest draft Askwell reviews in Teams (a card carries it, and Teams caps a message near 28 KB). */
export const MAX_DRAFT_CHARS = 4000;

const shortText = z.string().trim().max(200);

/** `data` of an Action.Submit merged with the card's inputs (`draft`, `reader`, `thirdPerson`), as Teams sends it. */
export const actionPayloadSchema = z.object({
  askwell: z.literal(1),
  action: z.enum(ACTION_NAMES),
  tenant: z.string().min(1).max(200),
  user: z.string().min(1).max(200),
  rule: z.enum(RULE_IDS).optional(),
  askId: z.string().regex(/^\d{1,12}$/).optional(),
  /** Rules already marked "Not applicable" on this card, comma-separated. */
  dismissed: z.string().max(1000).optional(),
  draft: z.string().optional(),
  /** "Use this rewrite": the suggested rewrite the button carries. */
  rewrite: z.string().max(MAX_DRAFT_CHARS).optional(),
  reader: shortText.optional(),
  thirdPerson: shortText.optional(),
  /** The `policy` card's inputs (Teams sends every input as a string). */
  rulesOff: z.string().max(2000).optional(),
  rulesTip: z.string().max(2000).optional(),
  maxSentences: z.string().max(20).optional(),
  followUpDays: z.string().max(20).optional(),
  reminderCap: z.string().max(20).optional(),
  connectorThreshold: z.string().max(20).optional(),
  phrases: z.string().max(10000).optional(),
});
export type ActionPayload = z.infer<typeof actionPayloadSchema>;

/** The `data` a button carries. */
export function actionData(owner: Owner, action: ActionName, fields: Record<string, string> = {}): Record<string, unknown> {
  return { askwell: 1, action, tenant: owner.workspaceId, user: owner.userId, ...fields };
}

/** Whether an activity value looks like one of ours at all (other bots' or stale cards are ignored politely). */
export function isAskwellPayload(value: unknown): boolean {
  return typeof value === "object" && value !== null && (value as { askwell?: unknown }).askwell !== undefined;
}

export type PayloadError = "malformed" | "not_yours";

/** Parses a card action and checks it against the acting user and tenant. */
export function verifyAction(value: unknown, actor: Owner): Result<ActionPayload, PayloadError> {
  const parsed = actionPayloadSchema.safeParse(value);
  if (!parsed.success) return refused("malformed", "This button's data is not one I recognise.");
  const cardOwner: Owner = { platform: "teams", workspaceId: parsed.data.tenant, userId: parsed.data.user };
  if (!sameOwner(cardOwner, actor)) return refused("not_yours", "This card belongs to someone else's review.");
  return ok(parsed.data);
}

export function dismissedRules(payload: ActionPayload): string[] {
  return (payload.dismissed ?? "").split(",").filter((rule) => (RULE_IDS as readonly string[]).includes(rule));
}
