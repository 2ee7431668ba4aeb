/** Review entry points: /review-ask, @Askwell mentions, the message shortcut, and the review buttons and modal. */
import type { App, BlockAction, ButtonAction, RespondFn } from "@slack/bolt";
import { helpMessage, noticeMessage, publicReviewMessage, reviewEditModal, reviewMessage, reviewResultModal, trackModal, type SlackMessage, type Viewer } from "../blocks";
import { MAX_DRAFT_CHARS, NOT_YOURS, NO_TRACKER, tooLongMessage, type SlackDeps } from "../deps";
import { ACTIONS, VIEWS, decode, dismissValue, fullReviewValue, modalMetadata, reviewEditValue } from "../payloads";
import { clickerOf, isSameUser, ownedValue, slackOwner, stripBotMention } from "../owner";
import { reviewAndShow } from "../review-flow";
import { sendAskList } from "./asks";
import { confirmForget, sendExport } from "./privacy";

export const COMMAND = "/review-ask";
export const SHORTCUT = "review_this_ask";

const ephemeral = (message: SlackMessage) => ({ response_type: "ephemeral" as const, replace_original: false, ...message });

/** Reviews `draft` into a response_url: ephemeral first, replaced in place when the model improves it. */
async function reviewIntoResponse(deps: SlackDeps, draft: string, viewer: Viewer, respond: RespondFn, options: { counted?: boolean } = {}): Promise<void> {
  if (draft.length > MAX_DRAFT_CHARS) {
    await respond(ephemeral(noticeMessage(tooLongMessage(draft.length))));
    return;
  }
  await reviewAndShow(deps, draft, viewer, {
    show: async (result) => void (await respond(ephemeral(reviewMessage(result, { viewer, draft })))),
    replace: async (result, note) => void (await respond({ replace_original: true, ...reviewMessage(result, { viewer, draft, note }) })),
    decline: async (message) => void (await respond(ephemeral(noticeMessage(message)))),
  }, options);
}

export function registerReviewListeners(app: App, deps: SlackDeps): void {
  app.command(COMMAND, async ({ command, ack, respond, client }) => {
    const text = command.text.trim();
    const viewer = { userId: command.user_id, teamId: command.team_id };
    if (text === "" || /^help$/i.test(text)) {
      await ack(ephemeral(helpMessage()));
      return;
    }
    await ack();
    deps.logger.info({ team: viewer.teamId, user: viewer.userId, chars: text.length }, "slack: /review-ask");
    if (/^list$/i.test(text)) {
      await sendAskList(deps, viewer, respond);
      return;
    }
    if (/^export$/i.test(text)) {
      await sendExport(deps, viewer, respond);
      return;
    }
    if (/^forget$/i.test(text)) {
      await confirmForget(deps, viewer, respond);
      return;
    }
    if (/^track$/i.test(text)) {
      // Like the console's `track`: record an ask you sent. Nothing is kept between commands, so the
      // form asks for the message as sent (the Track this ask button under a review fills it in).
      if (!deps.tracker) return void (await respond(ephemeral(noticeMessage(NO_TRACKER))));
      await client.views.open({ trigger_id: command.trigger_id, view: trackModal({ u: viewer.userId, t: viewer.teamId, url: command.response_url }, { intro: true }) });
      return;
    }
    await reviewIntoResponse(deps, text, viewer, respond);
  });

  app.event("app_mention", async ({ event, body, client, context }) => {
    if (!event.user) return;
    const teamId = body.team_id ?? context.teamId ?? "";
    const viewer = { userId: event.user, teamId };
    const channel = event.channel;
    const root = event.thread_ts ?? event.ts;
    let draft = stripBotMention(event.text, context.botUserId);
    let sourceTs = event.ts;
    if (draft === "" && event.thread_ts && event.thread_ts !== event.ts) {
      const replies = await client.conversations.replies({ channel, ts: event.thread_ts, limit: 1, inclusive: true });
      const parent = replies.messages?.find((m) => m.ts === event.thread_ts);
      draft = stripBotMention(parent?.text ?? "", context.botUserId);
      sourceTs = event.thread_ts;
    }
    deps.logger.info({ team: teamId, user: viewer.userId, chars: draft.length, inThread: Boolean(event.thread_ts) }, "slack: mention");
    if (draft === "") {
      await client.chat.postMessage({ channel, thread_ts: root, text: "Mention me with a draft, e.g. `@Askwell Hi Dana, could you introduce me to…`, or mention me alone in a thread to review its first message." });
      return;
    }
    if (draft.length > MAX_DRAFT_CHARS) {
      await client.chat.postMessage({ channel, thread_ts: root, ...noticeMessage(tooLongMessage(draft.length)) });
      return;
    }
    const pointer = { viewer, channel, root, ts: sourceTs };
    let postedTs: string | undefined;
    await reviewAndShow(deps, draft, viewer, {
      show: async (result) => {
        const posted = await client.chat.postMessage({ channel, thread_ts: root, ...publicReviewMessage(result, pointer) });
        postedTs = posted.ts;
      },
      replace: async (result) => {
        if (postedTs) await client.chat.update({ channel, ts: postedTs, ...publicReviewMessage(result, pointer) });
      },
      decline: async (message) => void (await client.chat.postMessage({ channel, thread_ts: root, ...noticeMessage(message) })),
    });
  });

  app.shortcut(SHORTCUT, async ({ shortcut, ack, respond, context }) => {
    await ack();
    if (shortcut.type !== "message_action") return;
    const viewer = { userId: shortcut.user.id, teamId: shortcut.team?.id ?? context.teamId ?? "" };
    const draft = stripBotMention(shortcut.message.text ?? "", context.botUserId);
    deps.logger.info({ team: viewer.teamId, user: viewer.userId, chars: draft.length }, "slack: shortcut");
    if (draft === "") {
      await respond(ephemeral(noticeMessage("That message has no text to review.")));
      return;
    }
    await reviewIntoResponse(deps, draft, viewer, respond);
  });

  app.action<BlockAction<ButtonAction>>(ACTIONS.fullReview, async ({ ack, body, action, client, respond, context }) => {
    await ack();
    const clicker = clickerOf(body);
    const value = decode(fullReviewValue, action.value);
    if (!value || !isSameUser(value, clicker)) {
      await respond(ephemeral(noticeMessage(value ? `Only <@${value.u}>, who asked for this review, can open it. Mention me with your own draft to get yours.` : NOT_YOURS)));
      return;
    }
    const replies = await client.conversations.replies({ channel: value.c, ts: value.root, limit: 200, inclusive: true });
    const source = replies.messages?.find((m) => m.ts === value.ts);
    const draft = stripBotMention(source?.text ?? "", context.botUserId);
    if (draft === "") {
      await respond(ephemeral(noticeMessage("I can't find that message any more (deleted or edited away), so there is nothing to review.")));
      return;
    }
    // The channel review was counted when it was posted; this is the same review, privately.
    await reviewIntoResponse(deps, draft, clicker, respond, { counted: false });
  });

  app.action<BlockAction<ButtonAction>>(ACTIONS.reviewEdit, async ({ ack, body, action, client, respond }) => {
    await ack();
    const clicker = clickerOf(body);
    const value = await ownedValue(reviewEditValue, action.value, clicker, () => respond(ephemeral(noticeMessage(NOT_YOURS))));
    if (!value) return;
    await client.views.open({ trigger_id: body.trigger_id, view: reviewEditModal({ u: value.u, t: value.t, ...(value.w ? { w: 1 as const } : {}) }, value.d) });
  });

  app.view(VIEWS.reviewEdit, async ({ ack, body, view, client }) => {
    const clicker = { userId: body.user.id, teamId: body.team?.id ?? body.user.team_id ?? "" };
    const meta = decode(modalMetadata, view.private_metadata);
    if (!meta || !isSameUser(meta, clicker)) {
      await ack({ response_action: "errors", errors: { draft: NOT_YOURS } });
      return;
    }
    const draft = (view.state.values.draft?.value?.value ?? "").trim();
    if (draft === "") {
      await ack({ response_action: "errors", errors: { draft: "Paste or type the draft to review." } });
      return;
    }
    let acked = false;
    await reviewAndShow(deps, draft, clicker, {
      show: async (result) => {
        acked = true;
        await ack({ response_action: "update", view: reviewResultModal(reviewMessage(result, { viewer: clicker, draft, interactive: false })) });
      },
      replace: async (result, note) => {
        if (acked) await client.views.update({ view_id: view.id, view: reviewResultModal(reviewMessage(result, { viewer: clicker, draft, interactive: false, note })) });
      },
      decline: async (message) => {
        acked = true;
        await ack({ response_action: "errors", errors: { draft: message } });
      },
    });
    // The form opened on the suggested rewrite: the sender took it up (counted once the modal is acked, never its text).
    if (meta.w) await deps.insights?.count({ platform: "slack", workspaceId: clicker.teamId }, "rewrite-used", deps.now());
  });

  app.action<BlockAction<ButtonAction>>(new RegExp(`^${ACTIONS.dismiss}_\\d+$`), async ({ ack, body, action, respond }) => {
    await ack();
    const clicker = clickerOf(body);
    const value = await ownedValue(dismissValue, action.value, clicker, () => respond(ephemeral(noticeMessage(NOT_YOURS))));
    if (!value) return;
    if (!deps.tracker) {
      await respond(ephemeral(noticeMessage(NO_TRACKER)));
      return;
    }
    const recorded = await deps.tracker.recordDismissal(slackOwner(clicker), value.r, deps.now());
    deps.logger.info({ team: clicker.teamId, user: clicker.userId, rule: value.r, ok: recorded.ok }, "slack: finding dismissed");
    await respond(
      ephemeral(
        noticeMessage(
          recorded.ok
            ? `Noted: \`${value.r}\` marked not applicable to this draft. Thanks — these clicks show your team which rules misfire.`
            : "I couldn't record that just now; please try again in a minute.",
        ),
      ),
    );
  });
}
