/** Messages sent to Askwell in its DM (the Messages tab): each is reviewed, or answered as a command. */
import type { App } from "@slack/bolt";
import type { WebClient } from "@slack/web-api";
import { OPEN_STATES } from "../../../src/core/asks";
import { askListMessage, helpMessage, noticeMessage, reviewMessage, type SlackMessage, type Viewer } from "../blocks";
import { MAX_DRAFT_CHARS, NO_TRACKER, tooLongMessage, type SlackDeps } from "../deps";
import { stripBotMention } from "../owner";
import { reviewAndShow } from "../review-flow";

/** The Events API subscription this listener needs (app-manifest.yml lists it; im:history is its scope). */
export const DIRECT_MESSAGE_EVENT = "message.im";

const TRACK_HINT = "To track an ask you sent, click *Track this ask* under its review, or type `/review-ask track`.";

/** The user's open asks, as a message (the DM has no response_url). */
async function askList(deps: SlackDeps, viewer: Viewer): Promise<SlackMessage> {
  if (!deps.tracker) return noticeMessage(NO_TRACKER);
  const asks = await deps.tracker.listAsks({ platform: "slack", workspaceId: viewer.teamId, userId: viewer.userId }, { states: OPEN_STATES });
  if (!asks.ok) return noticeMessage(`I couldn't reach your tracked asks just now (${asks.message}). Nothing was lost; please try again in a minute.`);
  const rows = [];
  for (const ask of asks.value) {
    const next = await deps.tracker.nextReminderFor(ask);
    rows.push({ ask, nextReminder: next.ok ? next.value : null });
  }
  return askListMessage(rows, viewer);
}

async function post(client: WebClient, channel: string, message: SlackMessage): Promise<string | undefined> {
  return (await client.chat.postMessage({ channel, ...message })).ts;
}

export function registerDirectMessageListeners(app: App, deps: SlackDeps): void {
  app.event("message", async ({ event, body, client, context }) => {
    // Only what a person typed in Askwell's DM: no edits, deletions, joins, or the bot's own posts.
    if (event.channel_type !== "im" || event.subtype !== undefined || !("user" in event) || !event.user || event.user === context.botUserId || event.bot_id) return;
    const viewer = { userId: event.user, teamId: body.team_id ?? context.teamId ?? "" };
    const channel = event.channel;
    const text = stripBotMention(event.text ?? "", context.botUserId);
    deps.logger.info({ team: viewer.teamId, user: viewer.userId, chars: text.length }, "slack: direct message");
    if (text === "" || /^help$/i.test(text)) return void (await post(client, channel, helpMessage()));
    if (/^list$/i.test(text)) return void (await post(client, channel, await askList(deps, viewer)));
    if (/^track$/i.test(text)) return void (await post(client, channel, noticeMessage(TRACK_HINT)));
    if (text.length > MAX_DRAFT_CHARS) return void (await post(client, channel, noticeMessage(tooLongMessage(text.length))));
    let postedTs: string | undefined;
    await reviewAndShow(deps, text, viewer, {
      show: async (result) => void (postedTs = await post(client, channel, reviewMessage(result, { viewer, draft: text }))),
      replace: async (result, note) => {
        if (postedTs) await client.chat.update({ channel, ts: postedTs, ...reviewMessage(result, { viewer, draft: text, note }) });
      },
      decline: async (message) => void (await post(client, channel, noticeMessage(message))),
    });
  });
}
