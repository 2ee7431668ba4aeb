/** "Copy forwardable note" under an intro request's review: the note for the double opt-in, to the clicking user only. */
import type { App, BlockAction, ButtonAction } from "@slack/bolt";
import { forwardableNote } from "../../../src/core/forwardable-note";
import { forwardableMessage, noticeMessage } from "../blocks";
import { NOT_YOURS, type SlackDeps } from "../deps";
import { ACTIONS, forwardableValue } from "../payloads";
import { clickerOf, ownedValue } from "../owner";

export function registerForwardableListeners(app: App, deps: SlackDeps): void {
  app.action<BlockAction<ButtonAction>>(ACTIONS.forwardable, async ({ ack, body, action, respond }) => {
    await ack();
    const clicker = clickerOf(body);
    const ephemeral = { response_type: "ephemeral" as const, replace_original: false };
    const value = await ownedValue(forwardableValue, action.value, clicker, () => respond({ ...ephemeral, ...noticeMessage(NOT_YOURS) }));
    if (!value) return;
    // The workspace's house rules, read at the click: a stricter sentence limit applies to the note too.
    const policy = deps.team ? await deps.team.policyFor({ platform: "slack", workspaceId: clicker.teamId }) : undefined;
    const note = forwardableNote(value.d, policy ? { policy } : {});
    deps.logger.info({ team: clicker.teamId, user: clicker.userId, chars: note.length }, "slack: forwardable note");
    await respond({ ...ephemeral, ...forwardableMessage(note) });
  });
}
