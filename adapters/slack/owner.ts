import type { BlockAction } from "@slack/bolt";
import type { Owner } from "../../src/core/ports";
import type { z } from "zod";
import type { Viewer } from "./blocks";
import { decode } from "./payloads";

/** The core's view of a Slack user: workspace (team) id and user id, never an SDK type. */
export function slackOwner(viewer: Viewer): Owner {
  return { platform: "slack", workspaceId: viewer.teamId, userId: viewer.userId };
}

/** True when a payload's recorded owner is the user who clicked, in the same workspace. */
export function isSameUser(value: { u: string; t: string }, clicker: Viewer): boolean {
  return value.u === clicker.userId && value.t === clicker.teamId;
}

/** Drops the leading `<@UBOT>` mention(s) of the bot from a message. */
export function stripBotMention(text: string, botUserId: string | undefined): string {
  const mention = botUserId ? new RegExp(`<@${botUserId}(\\|[^>]*)?>`, "g") : /^\s*<@[A-Z0-9]+(\|[^>]*)?>/;
  return text.replace(mention, "").trim();
}

/** The user who clicked a button, in the workspace the click came from. */
export function clickerOf(body: BlockAction): Viewer {
  return { userId: body.user.id, teamId: body.team?.id ?? body.user.team_id ?? "" };
}

/**
 * A button's value when it decodes and was issued to the user who clicked; otherwise `refuse` tells
 * them nothing was changed, and null comes back.
 */
export async function ownedValue<T extends { u: string; t: string }>(schema: z.ZodType<T>, raw: string | undefined, clicker: Viewer, refuse: () => Promise<unknown>): Promise<T | null> {
  const value = decode(schema, raw);
  if (value && isSameUser(value, clicker)) return value;
  await refuse();
  return null;
}
