/** What the team learns, in Slack: the admins' App Home section and its month picker. */
import type { App, BlockAction, StaticSelectAction } from "@slack/bolt";
import { z } from "zod";
import { monthOf, parseMonth, recentMonths } from "../../../src/core/insights";
import type { Block, Viewer } from "../blocks";
import type { SlackDeps } from "../deps";
import { INSIGHTS_ACTIONS, INSIGHTS_MONTHS, insightsHomeBlocks } from "../insights-blocks";
import { clickerOf } from "../owner";
import { publishHome } from "./asks";

const pickedMonth = z.string().refine((value) => parseMonth(value) !== null);

/** The insights section of an admin's App Home (the caller checked the viewer is an admin); nothing without a database. */
export async function insightsHome(deps: SlackDeps, viewer: Viewer, month?: string): Promise<Block[]> {
  if (!deps.insights) return [];
  const current = monthOf(deps.now());
  const report = await deps.insights.report({ platform: "slack", workspaceId: viewer.teamId }, month ?? current);
  if (!report.ok) {
    deps.logger.warn({ team: viewer.teamId, code: report.code }, "slack: insights not shown");
    return [];
  }
  return insightsHomeBlocks(report.value, recentMonths(current, INSIGHTS_MONTHS));
}

export function registerInsightsListeners(app: App, deps: SlackDeps): void {
  // Picking a month republishes the picker's own Home; the admin check runs again there, so a forged
  // pick by anyone else shows them nothing.
  app.action<BlockAction<StaticSelectAction>>(INSIGHTS_ACTIONS.month, async ({ ack, body, action, client }) => {
    await ack();
    const month = pickedMonth.safeParse(action.selected_option?.value);
    await publishHome(deps, client, clickerOf(body), undefined, month.success ? { insightsMonth: month.data } : {});
  });
}
