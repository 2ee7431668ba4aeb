/**
 * Bolt's InstallationStore over the tracker's database (SQLite or PostgreSQL, one code path), so every
 * HTTP replica behind a load balancer sees every workspace's installation.
 */
import type { Installation, InstallationQuery, InstallationStore } from "@slack/bolt";
import type { Kysely } from "kysely";
import type { Database } from "../../src/storage/schema";
import type { SlackInstallationsTable } from "../../src/storage/slack-installations-migration";

type Db = Kysely<Database & { slack_installations: SlackInstallationsTable }>;

function keyOf(query: { teamId?: string; enterpriseId?: string; isEnterpriseInstall?: boolean }): string {
  if (query.isEnterpriseInstall && query.enterpriseId) return `E:${query.enterpriseId}`;
  if (query.teamId) return `T:${query.teamId}`;
  throw new Error("an installation needs a team id or an org-wide enterprise id");
}

export function createInstallationStore(database: Kysely<Database>, clock: () => Date = () => new Date()): InstallationStore {
  const db = database.withTables<{ slack_installations: SlackInstallationsTable }>() as Db;
  return {
    async storeInstallation(installation: Installation) {
      const isEnterpriseInstall = installation.isEnterpriseInstall === true;
      const row = {
        id: keyOf({ teamId: installation.team?.id, enterpriseId: installation.enterprise?.id, isEnterpriseInstall }),
        team_id: installation.team?.id ?? null,
        enterprise_id: installation.enterprise?.id ?? null,
        installation: JSON.stringify(installation),
        updated_at: clock().getTime(),
      };
      await db
        .insertInto("slack_installations")
        .values(row)
        .onConflict((oc) => oc.column("id").doUpdateSet({ team_id: row.team_id, enterprise_id: row.enterprise_id, installation: row.installation, updated_at: row.updated_at }))
        .execute();
    },
    async fetchInstallation(query: InstallationQuery<boolean>) {
      const row = await db.selectFrom("slack_installations").select("installation").where("id", "=", keyOf(query)).executeTakeFirst();
      if (!row) throw new Error(`no Slack installation for ${keyOf(query)}`);
      return JSON.parse(row.installation) as Installation<"v1" | "v2", boolean>;
    },
    async deleteInstallation(query: InstallationQuery<boolean>) {
      await db.deleteFrom("slack_installations").where("id", "=", keyOf(query)).execute();
    },
  };
}
