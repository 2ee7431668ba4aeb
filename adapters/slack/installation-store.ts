/**
 * Bolt's InstallationStore over the tracker's database (SQLite or PostgreSQL, one code path), so every
 * HTTP replica behind a load balancer sees every workspace's installation. Installations carry bot
 * tokens: they are stored sealed with ASKWELL_SECRET_KEY (AES-256-GCM, bound to the row's id). Rows
 * written before encryption stay readable, and `sealPlainInstallations` re-stores them sealed.
 */
import type { Installation, InstallationQuery, InstallationStore } from "@slack/bolt";
import type { Kysely } from "kysely";
import type { Database } from "../../src/storage/schema";
import { isSealed, type SecretBox } from "../../src/storage/secret-box";
import type { SlackInstallationsTable } from "../../src/storage/slack-installations-migration";

type Db = Kysely<Database & { slack_installations: SlackInstallationsTable }>;

function keyOf(query: { teamId?: string; enterpriseId?: string; isEnterpriseInstall?: boolean }): string {
  if (query.isEnterpriseInstall && query.enterpriseId) return `E:${query.enterpriseId}`;
  if (query.teamId) return `T:${query.teamId}`;
  throw new Error("an installation needs a team id or an org-wide enterprise id");
}

const withInstallations = (database: Kysely<Database>): Db => database.withTables<{ slack_installations: SlackInstallationsTable }>() as Db;

/** Seals rows stored in plain JSON (before tokens were encrypted); returns how many it sealed. */
export async function sealPlainInstallations(database: Kysely<Database>, box: SecretBox): Promise<number> {
  const db = withInstallations(database);
  const rows = await db.selectFrom("slack_installations").select(["id", "installation"]).execute();
  let sealed = 0;
  for (const row of rows) {
    if (isSealed(row.installation)) continue;
    await db.updateTable("slack_installations").set({ installation: box.seal(row.installation, row.id) }).where("id", "=", row.id).where("installation", "=", row.installation).execute();
    sealed++;
  }
  return sealed;
}

export function createInstallationStore(database: Kysely<Database>, box: SecretBox, clock: () => Date = () => new Date()): InstallationStore {
  const db = withInstallations(database);
  return {
    async storeInstallation(installation: Installation) {
      const isEnterpriseInstall = installation.isEnterpriseInstall === true;
      const id = keyOf({ teamId: installation.team?.id, enterpriseId: installation.enterprise?.id, isEnterpriseInstall });
      const row = {
        id,
        team_id: installation.team?.id ?? null,
        enterprise_id: installation.enterprise?.id ?? null,
        installation: box.seal(JSON.stringify(installation), id),
        updated_at: clock().getTime(),
      };
      await db
        .insertInto("slack_installations")
        .values(row)
        .onConflict((oc) => oc.column("id").doUpdateSet({ team_id: row.team_id, enterprise_id: row.enterprise_id, installation: row.installation, updated_at: row.updated_at }))
        .execute();
    },
    async fetchInstallation(query: InstallationQuery<boolean>) {
      const id = keyOf(query);
      const row = await db.selectFrom("slack_installations").select("installation").where("id", "=", id).executeTakeFirst();
      if (!row) throw new Error(`no Slack installation for ${id}`);
      return JSON.parse(box.open(row.installation, id)) as Installation<"v1" | "v2", boolean>;
    },
    async deleteInstallation(query: InstallationQuery<boolean>) {
      await db.deleteFrom("slack_installations").where("id", "=", keyOf(query)).execute();
    },
  };
}
