/**
 * The persistence port of team features: versioned house rules per workspace, and the counts the
 * connector notice needs. Implemented by src/storage/kysely-team-store.ts (SQLite and PostgreSQL).
 * Nothing here returns another user's draft or id: counts and dates only.
 */
import type { HouseRules } from "./house-rules";
import type { Owner, Reader } from "./ports";

/** A workspace (Slack team, Teams tenant, or the local one) on one platform. */
export interface WorkspaceRef {
  platform: Owner["platform"];
  workspaceId: string;
}

/** One saved version of a workspace's house rules. `policy` is the JSON as stored: validate before use. */
export interface StoredPolicy {
  version: number;
  policy: unknown;
  /** The platform-neutral id of the admin who saved it, e.g. `slack:T1:U1`. */
  changedBy: string;
  /** What changed, in a line (`no-timeline: on → off`). */
  change: string;
  changedAt: Date;
}

/** An open intro request to a connector: when it was sent, and whether the sender asking now sent it. */
export interface ConnectorRequest {
  sentAt: Date;
  fromSender: boolean;
}

export interface TeamStore {
  /** The newest version, or null when the workspace never set house rules. */
  currentPolicy(workspace: WorkspaceRef): Promise<StoredPolicy | null>;
  /** Saves `version` (the current one + 1); false when another admin saved that version first. */
  savePolicy(workspace: WorkspaceRef, version: number, policy: HouseRules, changedBy: string, change: string, at: Date): Promise<boolean>;
  /** Newest first. */
  policyHistory(workspace: WorkspaceRef, limit: number): Promise<StoredPolicy[]>;
  /**
   * Open intro requests (pending or followed up) to this connector in the workspace sent in [since, until],
   * by anyone, except the sender's own ask `excludeAskId`. The connector matches by user id, or by name
   * case-insensitively.
   */
  openIntroRequestsTo(workspace: WorkspaceRef, connector: Reader, since: Date, until: Date, sender: { userId: string; excludeAskId: string | null }): Promise<ConnectorRequest[]>;
}
