/** House rules in Slack: the admin section of App Home, the edit modal and its submission. */
import type { App, BlockAction, ButtonAction } from "@slack/bolt";
import { parseHouseRules } from "../../../src/team/policy-schema";
import { actorId } from "../../../src/team/team-service";
import { isWorkspaceAdmin } from "../admin";
import type { Block, Viewer } from "../blocks";
import { noticeModal } from "../blocks";
import type { SlackDeps } from "../deps";
import { HOUSE_ACTIONS, houseRulesErrors, HOUSE_VIEW, houseRulesHomeBlocks, houseRulesModal, readHouseRulesModal } from "../house-rules-blocks";
import { decode, encode, modalMetadata } from "../payloads";
import { clickerOf, isSameUser, slackOwner } from "../owner";
import { publishHome } from "./asks";

const NOT_ADMIN = "Only workspace admins (or people listed in ASKWELL_ADMINS) can change the house rules.";
const workspace = (viewer: Viewer) => ({ platform: "slack" as const, workspaceId: viewer.teamId });

/** The house rules section of an admin's App Home (the caller checked the viewer is an admin); nothing without a database. */
export async function houseRulesHome(deps: SlackDeps, viewer: Viewer, followUpDays: number): Promise<Block[]> {
  if (!deps.team) return [];
  const current = await deps.team.currentPolicy(workspace(viewer));
  if (!current.ok) return [];
  const history = current.value.version > 0 ? await deps.team.policyHistory(workspace(viewer), 1) : null;
  const last = history?.ok ? (history.value[0]?.change ?? null) : null;
  return houseRulesHomeBlocks(current.value.policy, current.value.version, last, followUpDays, encode({ u: viewer.userId, t: viewer.teamId }));
}

export function registerHouseRulesListeners(app: App, deps: SlackDeps): void {
  app.action<BlockAction<ButtonAction>>(HOUSE_ACTIONS.edit, async ({ ack, body, client }) => {
    await ack();
    const clicker = clickerOf(body);
    if (!deps.team || !(await isWorkspaceAdmin(deps, client, clicker))) {
      await client.views.open({ trigger_id: body.trigger_id, view: noticeModal("House rules", NOT_ADMIN) });
      return;
    }
    const current = await deps.team.currentPolicy(workspace(clicker));
    if (!current.ok) {
      await client.views.open({ trigger_id: body.trigger_id, view: noticeModal("House rules", current.message) });
      return;
    }
    await client.views.open({ trigger_id: body.trigger_id, view: houseRulesModal(current.value.policy, { u: clicker.userId, t: clicker.teamId }) });
  });

  app.view(HOUSE_VIEW, async ({ ack, body, view, client }) => {
    const clicker = { userId: body.user.id, teamId: body.team?.id ?? body.user.team_id ?? "" };
    const meta = decode(modalMetadata, view.private_metadata);
    if (!meta || !isSameUser(meta, clicker) || !deps.team || !(await isWorkspaceAdmin(deps, client, clicker))) {
      await ack({ response_action: "errors", errors: { phrases: NOT_ADMIN } });
      return;
    }
    const read = readHouseRulesModal(view.state.values as Parameters<typeof readHouseRulesModal>[0]);
    if ("errors" in read) {
      await ack({ response_action: "errors", errors: read.errors });
      return;
    }
    const parsed = parseHouseRules(read.candidate);
    if (!parsed.ok) {
      await ack({ response_action: "errors", errors: houseRulesErrors(parsed.problems) });
      return;
    }
    const saved = await deps.team.changePolicy(workspace(clicker), actorId(slackOwner(clicker)), [{ type: "replace", policy: parsed.value }], deps.now());
    if (!saved.ok) {
      await ack({ response_action: "errors", errors: { phrases: saved.message } });
      return;
    }
    deps.logger.info({ team: clicker.teamId, user: clicker.userId, version: saved.value.version }, "slack: house rules changed");
    await ack({ response_action: "update", view: noticeModal("House rules", `:white_check_mark: Saved as version ${saved.value.version}: ${saved.value.change}. The next review in this workspace follows them.`) });
    await publishHome(deps, client, clicker);
  });
}
