/**
 * What adapters and the CLI call for team features: a workspace's house rules (read on every review,
 * so a change applies to the next one, no restart), admin changes to them (validated, versioned), and
 * the connector notice. Every method returns a value; storage failures never reach a user as a crash.
 */
import { ok, refused, type Result } from "../errors";
import { connectorNotice, connectorReminderLine, connectorWindowStart } from "../core/connector";
import { applyPolicyEdit, DEFAULT_HOUSE_RULES, describeEdit, type HouseRules, type PolicyEdit } from "../core/house-rules";
import type { Ask, Owner } from "../core/ports";
import { readerLabel } from "../core/reminder-message";
import type { StoredPolicy, TeamStore, WorkspaceRef } from "../core/team-store";
import type { Logger } from "../logger";
import { parseHouseRules } from "./policy-schema";

export type TeamErrorCode = "invalid_policy" | "conflict" | "storage_unavailable";

export interface VersionedPolicy {
  policy: HouseRules;
  /** 0 before the first change. */
  version: number;
}

export interface PolicyChange extends VersionedPolicy {
  change: string;
}

export interface TeamService {
  /** The workspace's house rules, the defaults when none were set (or the store is unreachable, which is logged). */
  policyFor(workspace: WorkspaceRef): Promise<HouseRules>;
  currentPolicy(workspace: WorkspaceRef): Promise<Result<VersionedPolicy, TeamErrorCode>>;
  /** Applies the edits in order and saves one new version; refused as a whole when one edit is invalid. */
  changePolicy(workspace: WorkspaceRef, changedBy: string, edits: readonly PolicyEdit[], at: Date): Promise<Result<PolicyChange, TeamErrorCode>>;
  policyHistory(workspace: WorkspaceRef, limit?: number): Promise<Result<StoredPolicy[], TeamErrorCode>>;
  /** For a just-tracked intro request: the notice when its connector already has open requests from the team. */
  connectorNoticeFor(ask: Ask, now: Date): Promise<string | null>;
  /** For a pending intro's reminder: the line about the connector's other open requests, or null. */
  connectorReminderFor(ask: Ask, now: Date): Promise<string | null>;
}

export const workspaceOf = (owner: Owner): WorkspaceRef => ({ platform: owner.platform, workspaceId: owner.workspaceId });

/** A platform-neutral id for the policy history: `slack:T1:U1`. */
export const actorId = (owner: Owner): string => `${owner.platform}:${owner.workspaceId}:${owner.userId}`;

const CHANGE_RETRIES = 3;

export function createTeamService(store: TeamStore, options: { logger?: Logger } = {}): TeamService {
  const { logger } = options;
  const errorText = (error: unknown) => (error instanceof Error ? error.message : String(error));
  const unavailable = () => refused("storage_unavailable" as const, "The team settings are unavailable right now; nothing was changed. Please try again in a moment.");

  async function load(workspace: WorkspaceRef): Promise<VersionedPolicy> {
    const stored = await store.currentPolicy(workspace);
    if (!stored) return { policy: DEFAULT_HOUSE_RULES, version: 0 };
    const parsed = parseHouseRules(stored.policy);
    if (!parsed.ok) {
      logger?.error({ platform: workspace.platform, workspace: workspace.workspaceId, version: stored.version, problems: parsed.problems }, "stored house rules are invalid; using the defaults");
      return { policy: DEFAULT_HOUSE_RULES, version: stored.version };
    }
    return { policy: parsed.value, version: stored.version };
  }

  async function openRequests(ask: Ask, now: Date) {
    if (ask.kind !== "intro_request") return null;
    const open = await store.openIntroRequestsTo(workspaceOf(ask.owner), ask.reader, connectorWindowStart(now), now, { userId: ask.owner.userId, excludeAskId: ask.id });
    return open;
  }

  return {
    async policyFor(workspace) {
      try {
        return (await load(workspace)).policy;
      } catch (error) {
        logger?.warn({ platform: workspace.platform, workspace: workspace.workspaceId, err: errorText(error) }, "house rules unavailable; reviewing with the defaults");
        return DEFAULT_HOUSE_RULES;
      }
    },

    async currentPolicy(workspace) {
      try {
        return ok(await load(workspace));
      } catch (error) {
        logger?.error({ err: errorText(error) }, "house rules unavailable");
        return unavailable();
      }
    },

    async changePolicy(workspace, changedBy, edits, at) {
      try {
        for (let attempt = 0; attempt < CHANGE_RETRIES; attempt++) {
          const current = await load(workspace);
          let policy = current.policy;
          const changes: string[] = [];
          for (const edit of edits) {
            const next = applyPolicyEdit(policy, edit);
            if (!next.ok) return next;
            changes.push(describeEdit(policy, edit));
            policy = next.value;
          }
          const valid = parseHouseRules(policy);
          if (!valid.ok) return refused("invalid_policy", `Those house rules are not valid: ${valid.problems.join("; ")}.`);
          const change = changes.join("; ") || "no change";
          if (await store.savePolicy(workspace, current.version + 1, valid.value, changedBy, change, at)) {
            logger?.info({ platform: workspace.platform, workspace: workspace.workspaceId, version: current.version + 1, changedBy, change }, "house rules changed");
            return ok({ policy: valid.value, version: current.version + 1, change });
          }
          // Another admin saved meanwhile: apply the same edits to their version.
        }
        return refused("conflict", "Someone else changed the house rules at the same moment; look at them again and retry.");
      } catch (error) {
        logger?.error({ err: errorText(error) }, "house rules not saved");
        return unavailable();
      }
    },

    async policyHistory(workspace, limit = 20) {
      try {
        return ok(await store.policyHistory(workspace, limit));
      } catch (error) {
        logger?.error({ err: errorText(error) }, "house rules history unavailable");
        return unavailable();
      }
    },

    async connectorNoticeFor(ask, now) {
      try {
        const open = await openRequests(ask, now);
        if (!open) return null;
        const policy = (await load(workspaceOf(ask.owner))).policy;
        return connectorNotice(readerLabel(ask), open, policy.connectorThreshold);
      } catch (error) {
        logger?.warn({ err: errorText(error) }, "connector notice skipped");
        return null;
      }
    },

    async connectorReminderFor(ask, now) {
      try {
        const open = await openRequests(ask, now);
        return open ? connectorReminderLine(open) : null;
      } catch (error) {
        logger?.warn({ err: errorText(error) }, "connector count skipped in a reminder");
        return null;
      }
    },
  };
}
