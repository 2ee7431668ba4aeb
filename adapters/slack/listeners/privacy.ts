/**
 * A user's own data from Slack: `/review-ask export` shows everything stored about them (privately),
 * `/review-ask forget` asks for confirmation and then deletes it all (rows, not flags).
 */
import type { App, BlockAction, ButtonAction, RespondFn } from "@slack/bolt";
import { chunkText, forgetSummary } from "../../../src/render/plain-text";
import { noticeMessage, yourDataModal, type Viewer } from "../blocks";
import { NOT_YOURS, NO_TRACKER, type SlackDeps } from "../deps";
import { ACTIONS, encode, forgetValue } from "../payloads";
import { clickerOf, ownedValue, slackOwner } from "../owner";
import { publishHome } from "./asks";

/** Section text is capped at 3,000 characters and a message at 50 blocks. */
const SECTION_CHARS = 2900;
const BLOCKS_PER_MESSAGE = 45;
/** A modal holds 100 blocks; the export's parts stop well short of that. */
const MODAL_PARTS = 40;
const UNAVAILABLE = "I couldn't reach your stored data just now; nothing was changed. Please try again in a minute.";

const ephemeral = (message: { text: string; blocks: unknown[] }) => ({ response_type: "ephemeral" as const, replace_original: false, ...message });

export async function sendExport(deps: SlackDeps, viewer: Viewer, respond: RespondFn): Promise<void> {
  if (!deps.tracker) return void (await respond(ephemeral(noticeMessage(NO_TRACKER))));
  const exported = await deps.tracker.exportUser(slackOwner(viewer));
  if (!exported.ok) return void (await respond(ephemeral(noticeMessage(UNAVAILABLE))));
  const sections = chunkText(JSON.stringify(exported.value, null, 2), SECTION_CHARS).map((part) => ({ type: "section", text: { type: "mrkdwn", text: "```" + part + "```" } }));
  deps.logger.info({ team: viewer.teamId, user: viewer.userId, asks: exported.value.asks.length }, "slack: data exported");
  for (let i = 0; i < sections.length; i += BLOCKS_PER_MESSAGE) {
    const intro = i === 0 ? [{ type: "section", text: { type: "mrkdwn", text: "Everything Askwell stores about you (only you can see this):" } }] : [];
    await respond(ephemeral({ text: "Everything Askwell stores about you", blocks: [...intro, ...sections.slice(i, i + BLOCKS_PER_MESSAGE)] }));
  }
}

export async function confirmForget(deps: SlackDeps, viewer: Viewer, respond: RespondFn): Promise<void> {
  if (!deps.tracker) return void (await respond(ephemeral(noticeMessage(NO_TRACKER))));
  const text = "This deletes every ask, reminder, setting and dismissal Askwell stores about you, for good.";
  await respond(
    ephemeral({
      text,
      blocks: [
        { type: "section", text: { type: "mrkdwn", text } },
        {
          type: "actions",
          elements: [
            {
              type: "button",
              action_id: ACTIONS.forgetMe,
              style: "danger",
              text: { type: "plain_text", text: "Delete everything about me" },
              value: encode({ u: viewer.userId, t: viewer.teamId }),
              confirm: { title: { type: "plain_text", text: "Delete your data?" }, text: { type: "mrkdwn", text }, confirm: { type: "plain_text", text: "Delete" }, deny: { type: "plain_text", text: "Keep it" }, style: "danger" },
            },
          ],
        },
      ],
    }),
  );
}

export function registerPrivacyListeners(app: App, deps: SlackDeps): void {
  app.action<BlockAction<ButtonAction>>(ACTIONS.forgetMe, async ({ ack, body, action, respond, client }) => {
    await ack();
    const clicker = clickerOf(body);
    const value = await ownedValue(forgetValue, action.value, clicker, () => respond(ephemeral(noticeMessage(NOT_YOURS))));
    if (!value) return;
    if (!deps.tracker) return void (await respond(ephemeral(noticeMessage(NO_TRACKER))));
    const forgotten = await deps.tracker.forgetUser(slackOwner(clicker));
    deps.logger.info({ team: clicker.teamId, user: clicker.userId, ok: forgotten.ok }, "slack: user forgotten");
    const summary = forgotten.ok ? forgetSummary(forgotten.value) : UNAVAILABLE;
    // From App Home there is no message to replace: the summary shows on the refreshed Home instead.
    if (body.response_url) await respond({ replace_original: true, ...noticeMessage(summary) });
    if (forgotten.ok || !body.response_url) await publishHome(deps, client, clicker, summary);
  });

  app.action<BlockAction<ButtonAction>>(ACTIONS.exportMe, async ({ ack, body, action, client }) => {
    await ack();
    const clicker = clickerOf(body);
    const value = await ownedValue(forgetValue, action.value, clicker, () => publishHome(deps, client, clicker, NOT_YOURS));
    if (!value || !deps.tracker) return;
    const exported = await deps.tracker.exportUser(slackOwner(clicker));
    if (!exported.ok) return void (await publishHome(deps, client, clicker, UNAVAILABLE));
    const parts = chunkText(JSON.stringify(exported.value, null, 2), SECTION_CHARS);
    deps.logger.info({ team: clicker.teamId, user: clicker.userId, asks: exported.value.asks.length }, "slack: data exported");
    await client.views.open({ trigger_id: body.trigger_id, view: yourDataModal(parts.slice(0, MODAL_PARTS), parts.length > MODAL_PARTS) });
  });
}
