/** Tracking: the Track modal, /review-ask list, the ask buttons (in lists, DMs and App Home) and App Home. */
import type { App, BlockAction, ButtonAction, RespondFn } from "@slack/bolt";
import type { WebClient } from "@slack/web-api";
import { OPEN_STATES } from "../../../src/core/asks";
import type { Ask } from "../../../src/core/ports";
import { actorId } from "../../../src/team/team-service";
import type { TrackerResult } from "../../../src/tracker/tracker-service";
import { firstReview } from "../../first-review";
import { askChangedMessage, askListMessage, homeView, noticeMessage, noticeModal, trackModal, type AskRow, type Block, type SlackMessage, type Viewer } from "../blocks";
import { NOT_YOURS, NO_TRACKER, type SlackDeps } from "../deps";
import { ACTIONS, VIEWS, askValue, decode, modalMetadata, trackValue } from "../payloads";
import { clickerOf, isSameUser, ownedValue, slackOwner } from "../owner";
import { isWorkspaceAdmin } from "../admin";
import { houseRulesHome } from "./house-rules";
import { insightsHome } from "./insights";

const ephemeral = (message: SlackMessage) => ({ response_type: "ephemeral" as const, replace_original: false, ...message });

async function loadRows(deps: SlackDeps, viewer: Viewer): Promise<TrackerResult<AskRow[]>> {
  const tracker = deps.tracker!;
  const asks = await tracker.listAsks(slackOwner(viewer), { states: OPEN_STATES });
  if (!asks.ok) return asks;
  const rows: AskRow[] = [];
  for (const ask of asks.value) {
    const next = await tracker.nextReminderFor(ask);
    rows.push({ ask, nextReminder: next.ok ? next.value : null });
  }
  return { ok: true, value: rows };
}

export async function sendAskList(deps: SlackDeps, viewer: Viewer, respond: RespondFn): Promise<void> {
  if (!deps.tracker) {
    await respond(ephemeral(noticeMessage(NO_TRACKER)));
    return;
  }
  const rows = await loadRows(deps, viewer);
  await respond(ephemeral(rows.ok ? askListMessage(rows.value, viewer) : noticeMessage(unavailable(rows.message))));
}

/** What App Home shows besides the viewer's asks: `insightsMonth` picks the month of the team's figures. */
export interface HomeOptions {
  insightsMonth?: string;
}

/** The admins' sections (house rules, then the team's figures), after one admin check; nothing for everyone else. */
async function adminBlocks(deps: SlackDeps, client: WebClient, viewer: Viewer, options: HomeOptions): Promise<Block[]> {
  if (!deps.team && !deps.insights) return [];
  if (!(await isWorkspaceAdmin(deps, client, viewer))) return [];
  return [...(await houseRulesHome(deps, viewer, deps.followUpAfterDays ?? 7)), ...(await insightsHome(deps, viewer, options.insightsMonth))];
}

export async function publishHome(deps: SlackDeps, client: WebClient, viewer: Viewer, notice?: string, options: HomeOptions = {}): Promise<void> {
  if (!deps.tracker) {
    await client.views.publish({ user_id: viewer.userId, view: { type: "home", blocks: noticeMessage(NO_TRACKER).blocks } });
    return;
  }
  const rows = await loadRows(deps, viewer);
  if (!rows.ok) {
    deps.logger.warn({ code: rows.code, team: viewer.teamId }, "slack: home not refreshed");
    return;
  }
  const admin = await adminBlocks(deps, client, viewer, options);
  await client.views.publish({ user_id: viewer.userId, view: homeView(rows.value, viewer, notice, admin) });
}

function unavailable(detail: string): string {
  return `I couldn't reach your tracked asks just now (${detail}). Nothing was lost; please try again in a minute.`;
}

/** The user's zone for working-hours reminders; null (UTC) if Slack is slow, since the modal must be acked within 3 s. */
async function timeZoneOf(client: WebClient, userId: string): Promise<string | null> {
  let timer: NodeJS.Timeout | undefined;
  const slow = new Promise<null>((resolve) => (timer = setTimeout(() => resolve(null), 1000)));
  const lookup = client.users.info({ user: userId }).then(
    (info) => info.user?.tz ?? null,
    () => null,
  );
  try {
    return await Promise.race([lookup, slow]);
  } finally {
    clearTimeout(timer);
  }
}

const ASK_BUTTONS: Array<{ action: string; did: string; apply: (deps: SlackDeps, viewer: Viewer, id: string) => Promise<TrackerResult<Ask>> }> = [
  { action: ACTIONS.followedUp, did: "Follow-up logged", apply: (d, v, id) => d.tracker!.recordFollowUp(slackOwner(v), id, d.now()) },
  { action: ACTIONS.replied, did: "Reply logged", apply: (d, v, id) => d.tracker!.recordReply(slackOwner(v), id, "replied", d.now()) },
  { action: ACTIONS.close, did: "Closed", apply: (d, v, id) => d.tracker!.closeAsk(slackOwner(v), id, d.now()) },
];

export function registerAskListeners(app: App, deps: SlackDeps): void {
  app.action<BlockAction<ButtonAction>>(ACTIONS.track, async ({ ack, body, action, client, respond }) => {
    await ack();
    const clicker = clickerOf(body);
    const value = await ownedValue(trackValue, action.value, clicker, () => respond(ephemeral(noticeMessage(NOT_YOURS))));
    if (!value) return;
    if (!deps.tracker) {
      await respond(ephemeral(noticeMessage(NO_TRACKER)));
      return;
    }
    await client.views.open({ trigger_id: body.trigger_id, view: trackModal({ u: value.u, t: value.t, url: body.response_url }, { draft: value.d, intro: value.i ?? false }) });
  });

  app.view(VIEWS.track, async ({ ack, body, view, client }) => {
    const clicker = { userId: body.user.id, teamId: body.team?.id ?? body.user.team_id ?? "" };
    const meta = decode(modalMetadata, view.private_metadata);
    if (!meta || !isSameUser(meta, clicker)) {
      await ack({ response_action: "errors", errors: { draft: NOT_YOURS } });
      return;
    }
    if (!deps.tracker) {
      await ack({ response_action: "update", view: noticeModal("Not tracked", NO_TRACKER) });
      return;
    }
    const values = view.state.values;
    const readerUser = values.reader_user?.value?.selected_user ?? null;
    const readerName = (values.reader_name?.value?.value ?? "").trim();
    const thirdPerson = (values.third_person?.value?.value ?? "").trim() || null;
    const draft = (values.draft?.value?.value ?? "").trim();
    if (!readerUser && !readerName) {
      await ack({ response_action: "errors", errors: { reader_name: "Pick the person you sent it to, or type their name." } });
      return;
    }
    const reviewed = await firstReview(deps, draft, undefined, actorId(slackOwner(clicker)));
    if (!reviewed.ok) {
      await ack({ response_action: "errors", errors: { draft: reviewed.message } });
      return;
    }
    const result = reviewed.value;
    if (result.kind === "other") {
      await ack({ response_action: "errors", errors: { draft: "This doesn't read as a networking ask, so there is nothing to follow up on." } });
      return;
    }
    const tracked = await deps.tracker.trackAsk(slackOwner(clicker), {
      reader: readerUser ? { userId: readerUser, name: readerName || null } : readerName,
      thirdPerson,
      kind: result.kind,
      draft,
      summary: result.summary,
      sentAt: deps.now(),
      timeZone: await timeZoneOf(client, clicker.userId),
    });
    if (!tracked.ok) {
      await ack({ response_action: "update", view: noticeModal("Not tracked", tracked.code === "invalid_input" ? tracked.message : unavailable(tracked.message)) });
      return;
    }
    deps.logger.info({ team: clicker.teamId, user: clicker.userId, ask: tracked.value.id, kind: result.kind }, "slack: ask tracked");
    const next = await deps.tracker.nextReminderFor(tracked.value);
    const when = next.ok && next.value ? ` I'll check in by DM on ${next.value.dueAt.toUTCString()} if you haven't logged a reply.` : "";
    const connector = (await deps.team?.connectorNoticeFor(tracked.value, deps.now())) ?? null;
    const done = `:white_check_mark: Tracking ask #${tracked.value.id}.${when} See it under Askwell's Home tab or with \`/review-ask list\`.`;
    await ack({ response_action: "update", view: noticeModal("Tracked", connector ? `${done}\n\n:raised_hand: ${connector}` : done) });
    await publishHome(deps, client, clicker);
  });

  for (const button of ASK_BUTTONS) {
    app.action<BlockAction<ButtonAction>>(button.action, async ({ ack, body, action, client, respond }) => {
      await ack();
      const clicker = clickerOf(body);
      const inHome = body.container?.type === "view";
      // App Home has no response_url: a refusal shows at the top of the refreshed Home instead.
      const reply = async (message: SlackMessage) => (inHome ? publishHome(deps, client, clicker, message.text) : void (await respond(ephemeral(message))));
      const value = decode(askValue, action.value);
      if (!value || !isSameUser(value, clicker)) {
        deps.logger.warn({ team: clicker.teamId, user: clicker.userId, action: button.action }, "slack: refused a click on another user's ask");
        await reply(noticeMessage(NOT_YOURS));
        return;
      }
      if (!deps.tracker) {
        await reply(noticeMessage(NO_TRACKER));
        return;
      }
      const changed = await button.apply(deps, clicker, value.a);
      deps.logger.info({ team: clicker.teamId, user: clicker.userId, ask: value.a, action: button.action, ok: changed.ok }, "slack: ask button");
      if (inHome) {
        await publishHome(deps, client, clicker, changed.ok ? undefined : changed.message);
        return;
      }
      await reply(changed.ok ? askChangedMessage(changed.value, button.did) : noticeMessage(changed.code === "storage_unavailable" ? unavailable(changed.message) : changed.message));
      await publishHome(deps, client, clicker);
    });
  }

  app.event("app_home_opened", async ({ event, body, client, context }) => {
    if (event.tab !== "home") return;
    await publishHome(deps, client, { userId: event.user, teamId: body.team_id ?? context.teamId ?? "" });
  });
}
