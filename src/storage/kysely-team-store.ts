/** The TeamStore over Kysely: one code path for SQLite and PostgreSQL. */
import { sql, type Kysely } from "kysely";
import type { AskStore } from "../core/ask-store";
import type { HouseRules } from "../core/house-rules";
import type { Reader } from "../core/ports";
import type { ConnectorRequest, StoredPolicy, TeamStore, WorkspaceRef } from "../core/team-store";
import { OPEN_STATES } from "../core/asks";
import type { Database } from "./schema";
import { KyselyAskStore } from "./kysely-ask-store";
import { prepareQuery } from "./prepared-query";
import type { WorkspacePoliciesTable } from "./team-migration";

/**
 * A second writer of the same version: SQLite's and PostgreSQL's codes (23505) or messages. Read without
 * `instanceof Error`: a native driver's error may come from another realm (jest's sandbox, for one).
 */
function isUniqueViolation(error: unknown): boolean {
  const { message, code } = (typeof error === "object" && error !== null ? error : {}) as { message?: unknown; code?: unknown };
  return /unique|duplicate key|SQLITE_CONSTRAINT_(PRIMARYKEY|UNIQUE)|\b23505\b/i.test(`${String(message ?? "")} ${String(code ?? "")}`);
}

function toStoredPolicy(row: WorkspacePoliciesTable): StoredPolicy {
  let policy: unknown = null;
  try {
    policy = JSON.parse(row.policy) as unknown;
  } catch {
    // Unreadable JSON is reported by validation upstream, like any other bad value.
  }
  return { version: Number(row.version), policy, changedBy: row.changed_by, change: row.change, changedAt: new Date(Number(row.changed_at)) };
}

/** Read before every review (an admin's change applies to the next one on every replica): prepared once. */
const latestPolicy = prepareQuery<{ platform: string; workspace_id: string }, WorkspacePoliciesTable>((db, values) =>
  db.selectFrom("workspace_policies").selectAll().where("platform", "=", values.platform).where("workspace_id", "=", values.workspace_id).orderBy("version", "desc").limit(1),
);

export class KyselyTeamStore implements TeamStore {
  constructor(readonly db: Kysely<Database>) {}

  async currentPolicy(workspace: WorkspaceRef): Promise<StoredPolicy | null> {
    const { rows } = await latestPolicy.execute(this.db, { platform: workspace.platform, workspace_id: workspace.workspaceId });
    return rows[0] ? toStoredPolicy(rows[0]) : null;
  }

  async savePolicy(workspace: WorkspaceRef, version: number, policy: HouseRules, changedBy: string, change: string, at: Date): Promise<boolean> {
    try {
      await this.db
        .insertInto("workspace_policies")
        .values({ platform: workspace.platform, workspace_id: workspace.workspaceId, version, policy: JSON.stringify(policy), changed_by: changedBy, change, changed_at: at.getTime() })
        .execute();
      return true;
    } catch (error) {
      if (isUniqueViolation(error)) return false;
      throw error;
    }
  }

  policyHistory(workspace: WorkspaceRef, limit: number): Promise<StoredPolicy[]> {
    return this.policyRows(workspace, limit);
  }

  private async policyRows(workspace: WorkspaceRef, limit: number): Promise<StoredPolicy[]> {
    const rows = await this.db
      .selectFrom("workspace_policies")
      .selectAll()
      .where("platform", "=", workspace.platform)
      .where("workspace_id", "=", workspace.workspaceId)
      .orderBy("version", "desc")
      .limit(limit)
      .execute();
    return rows.map(toStoredPolicy);
  }

  async openIntroRequestsTo(workspace: WorkspaceRef, connector: Reader, since: Date, until: Date, sender: { userId: string; excludeAskId: string | null }): Promise<ConnectorRequest[]> {
    const userId = connector.userId?.trim() || null;
    const name = connector.name?.trim().toLowerCase() || null;
    if (!userId && !name) return [];
    const exclude = sender.excludeAskId !== null && /^\d{1,10}$/.test(sender.excludeAskId) ? Number(sender.excludeAskId) : null;
    const rows = await this.db
      .selectFrom("asks")
      .select(["sent_at", "user_id", "number"])
      .where("platform", "=", workspace.platform)
      .where("workspace_id", "=", workspace.workspaceId)
      .where("kind", "=", "intro_request")
      .where("sent_at", ">=", since.getTime())
      .where("sent_at", "<=", until.getTime())
      .where("state", "in", [...OPEN_STATES])
      .where((eb) => {
        const matches = [];
        if (userId) matches.push(eb("reader_user_id", "=", userId));
        if (name) matches.push(eb(sql<string>`lower(trim(reader_name))`, "=", name));
        return eb.or(matches);
      })
      .orderBy("sent_at")
      .execute();
    return rows
      .filter((row) => !(row.user_id === sender.userId && exclude !== null && Number(row.number) === exclude))
      .map((row) => ({ sentAt: new Date(Number(row.sent_at)), fromSender: row.user_id === sender.userId }));
  }
}

/** The team store sharing an ask store's database, or null for a store that is not ours (a test double). */
export function teamStoreFor(store: AskStore): TeamStore | null {
  return store instanceof KyselyAskStore ? new KyselyTeamStore(store.db) : null;
}
