/** The AskStore over Kysely: one code path for SQLite and PostgreSQL. */
import { randomUUID } from "node:crypto";
import { sql, type Kysely, type Selectable } from "kysely";
import type { AskStateChange, AskStore, ClaimedReminder, ForgetCounts, NewAsk, ScheduledReminder, StoredReminder, UserExport } from "../core/ask-store";
import type { Ask, AskState, Owner, ReminderType } from "../core/ports";
import type { AskKind, RuleId } from "../core/types";
import type { Dialect } from "./database";
import { prepareQuery } from "./prepared-query";
import type { AsksTable, Database } from "./schema";

const ms = (value: number | string | bigint): number => Number(value);
const dateOrNull = (value: number | string | bigint | null): Date | null => (value === null ? null : new Date(ms(value)));

function toAsk(row: Selectable<AsksTable>): Ask {
  return {
    id: String(row.number),
    owner: { platform: row.platform as Owner["platform"], workspaceId: row.workspace_id, userId: row.user_id },
    reader: { userId: row.reader_user_id, name: row.reader_name },
    thirdPerson: row.third_person,
    kind: row.kind as AskKind,
    sentAt: new Date(ms(row.sent_at)),
    state: row.state as AskState,
    followedUpAt: dateOrNull(row.followed_up_at),
    closedAt: dateOrNull(row.closed_at),
    fingerprint: row.fingerprint,
    summary: row.summary,
    draft: row.draft,
    timeZone: row.time_zone,
  };
}

/** Ask ids are per-owner numbers; anything else cannot name an ask. */
function askNumber(id: string): number | null {
  return /^[1-9]\d{0,9}$/.test(id.trim()) ? Number(id.trim()) : null;
}

const isUniqueViolation = (error: unknown): boolean =>
  /unique|duplicate key|SQLITE_BUSY|database is locked/i.test(error instanceof Error ? `${error.message} ${(error as { code?: string }).code ?? ""}` : "");

/** Run before every review (so `mass-blast` can fire): prepared once. */
const countRecipients = prepareQuery<{ platform: string; workspace_id: string; user_id: string; fingerprint: string; kind: string; since: number; until: number }, { recipients: number | string }>((db, values) =>
  db
    .selectFrom("asks")
    .select(sql<number | string>`count(distinct coalesce(reader_user_id, lower(reader_name)))`.as("recipients"))
    .where("platform", "=", values.platform)
    .where("workspace_id", "=", values.workspace_id)
    .where("user_id", "=", values.user_id)
    .where("fingerprint", "=", values.fingerprint)
    .where("kind", "=", values.kind)
    .where("sent_at", ">=", values.since)
    .where("sent_at", "<=", values.until),
);

export class KyselyAskStore implements AskStore {
  constructor(
    readonly db: Kysely<Database>,
    readonly dialect: Dialect,
  ) {}

  private ownerFilter(owner: Owner) {
    return { platform: owner.platform, workspace_id: owner.workspaceId, user_id: owner.userId };
  }

  async insertAsk(ask: NewAsk, firstReminder: ScheduledReminder | null): Promise<Ask> {
    for (let attempt = 0; ; attempt++) {
      try {
        return await this.db.transaction().execute(async (trx) => {
          const o = this.ownerFilter(ask.owner);
          const last = await trx
            .selectFrom("asks")
            .select((eb) => eb.fn.max("number").as("max"))
            .where("platform", "=", o.platform)
            .where("workspace_id", "=", o.workspace_id)
            .where("user_id", "=", o.user_id)
            .executeTakeFirst();
          const key = randomUUID();
          const row = await trx
            .insertInto("asks")
            .values({
              key,
              ...o,
              number: Number(last?.max ?? 0) + 1,
              reader_user_id: ask.reader.userId,
              reader_name: ask.reader.name,
              third_person: ask.thirdPerson,
              kind: ask.kind,
              sent_at: ask.sentAt.getTime(),
              state: "pending",
              followed_up_at: null,
              closed_at: null,
              fingerprint: ask.fingerprint,
              summary: ask.summary,
              draft: ask.draft,
              time_zone: ask.timeZone,
              created_at: ask.sentAt.getTime(),
            })
            .returningAll()
            .executeTakeFirstOrThrow();
          if (firstReminder) await this.schedule(trx, key, firstReminder);
          return toAsk(row);
        });
      } catch (error) {
        // Two asks of one owner stored at once may pick the same number: try again with the next one.
        if (attempt < 8 && isUniqueViolation(error)) continue;
        throw error;
      }
    }
  }

  private async schedule(db: Kysely<Database>, askKey: string, reminder: ScheduledReminder): Promise<void> {
    await db
      .insertInto("reminders")
      .values({ id: randomUUID(), ask_key: askKey, type: reminder.type, due_at: reminder.dueAt.getTime(), lease_owner: null, lease_until: null, delivered_at: null, delivered_by: null })
      .onConflict((oc) => oc.columns(["ask_key", "type"]).doNothing())
      .execute();
  }

  async findAsk(owner: Owner, id: string): Promise<Ask | null> {
    const number = askNumber(id);
    if (number === null) return null;
    const row = await this.db
      .selectFrom("asks")
      .selectAll()
      .where("platform", "=", owner.platform)
      .where("workspace_id", "=", owner.workspaceId)
      .where("user_id", "=", owner.userId)
      .where("number", "=", number)
      .executeTakeFirst();
    return row ? toAsk(row) : null;
  }

  async listAsks(owner: Owner, states?: readonly AskState[]): Promise<Ask[]> {
    if (states && states.length === 0) return [];
    let query = this.db
      .selectFrom("asks")
      .selectAll()
      .where("platform", "=", owner.platform)
      .where("workspace_id", "=", owner.workspaceId)
      .where("user_id", "=", owner.userId);
    if (states) query = query.where("state", "in", [...states]);
    const rows = await query.orderBy("number", "desc").execute();
    return rows.map(toAsk);
  }

  async changeAskState(owner: Owner, id: string, change: AskStateChange): Promise<Ask | null> {
    const number = askNumber(id);
    if (number === null) return null;
    return this.db.transaction().execute(async (trx) => {
      const row = await trx
        .updateTable("asks")
        .set({
          state: change.to,
          followed_up_at: change.followedUpAt?.getTime() ?? null,
          closed_at: change.closedAt?.getTime() ?? null,
        })
        .where("platform", "=", owner.platform)
        .where("workspace_id", "=", owner.workspaceId)
        .where("user_id", "=", owner.userId)
        .where("number", "=", number)
        .where("state", "=", change.from)
        .returningAll()
        .executeTakeFirst();
      if (!row) return null;
      await trx.deleteFrom("reminders").where("ask_key", "=", row.key).where("delivered_at", "is", null).execute();
      if (change.schedule) await this.schedule(trx, row.key, change.schedule);
      return toAsk(row);
    });
  }

  async countRecipientsOfSameAsk(owner: Owner, kind: AskKind, fingerprint: string, since: Date, until: Date): Promise<number> {
    const { rows } = await countRecipients.execute(this.db, { ...this.ownerFilter(owner), fingerprint, kind, since: since.getTime(), until: until.getTime() });
    return Number(rows[0]?.recipients ?? 0);
  }

  async claimDueReminders(now: Date, runnerId: string, leaseUntil: Date, limit: number, platforms?: readonly Owner["platform"][]): Promise<ClaimedReminder[]> {
    const nowMs = now.getTime();
    let due = this.db
      .selectFrom("reminders")
      .select("id")
      .where("delivered_at", "is", null)
      .where("due_at", "<=", nowMs)
      .where((eb) => eb.or([eb("lease_until", "is", null), eb("lease_until", "<=", nowMs)]))
      .orderBy("due_at")
      .limit(limit);
    // A platform's runner claims only its own users' reminders; the CLI's claims everyone's.
    if (platforms?.length) due = due.where("ask_key", "in", this.db.selectFrom("asks").select("key").where("platform", "in", [...platforms]));
    // PostgreSQL: racing runners skip each other's rows. SQLite serialises writers, so the single
    // UPDATE … WHERE id IN (SELECT …) is atomic there.
    if (this.dialect === "postgres") due = due.forUpdate().skipLocked();
    const claimed = await this.db
      .updateTable("reminders")
      .set((eb) => ({ lease_owner: runnerId, lease_until: leaseUntil.getTime(), attempts: eb("attempts", "+", 1) }))
      .where("id", "in", due)
      // Re-checked on the row actually updated, so a row claimed meanwhile is never claimed twice.
      .where("delivered_at", "is", null)
      .where((eb) => eb.or([eb("lease_until", "is", null), eb("lease_until", "<=", nowMs)]))
      .returning(["id", "ask_key", "type", "due_at", "attempts"])
      .execute();
    if (claimed.length === 0) return [];
    const asks = await this.db
      .selectFrom("asks")
      .selectAll()
      .where(
        "key",
        "in",
        claimed.map((c) => c.ask_key),
      )
      .execute();
    const byKey = new Map(asks.map((row) => [row.key, toAsk(row)]));
    return claimed
      .filter((c) => byKey.has(c.ask_key))
      .map((c) => ({ reminderId: c.id, type: c.type as ReminderType, dueAt: new Date(ms(c.due_at)), attempts: Number(c.attempts), ask: byKey.get(c.ask_key)! }))
      .sort((a, b) => a.dueAt.getTime() - b.dueAt.getTime());
  }

  async markReminderDelivered(reminderId: string, runnerId: string, at: Date): Promise<boolean> {
    const result = await this.db
      .updateTable("reminders")
      .set({ delivered_at: at.getTime(), delivered_by: runnerId, lease_owner: null, lease_until: null })
      .where("id", "=", reminderId)
      .where("lease_owner", "=", runnerId)
      .where("delivered_at", "is", null)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) > 0;
  }

  async releaseReminder(reminderId: string, runnerId: string, retryAt: Date): Promise<void> {
    await this.db
      .updateTable("reminders")
      .set({ lease_owner: null, lease_until: retryAt.getTime() })
      .where("id", "=", reminderId)
      .where("lease_owner", "=", runnerId)
      .where("delivered_at", "is", null)
      .execute();
  }

  async pendingReminder(owner: Owner, askId: string): Promise<ScheduledReminder | null> {
    const number = askNumber(askId);
    if (number === null) return null;
    const row = await this.db
      .selectFrom("reminders")
      .innerJoin("asks", "asks.key", "reminders.ask_key")
      .select(["reminders.type", "reminders.due_at"])
      .where("asks.platform", "=", owner.platform)
      .where("asks.workspace_id", "=", owner.workspaceId)
      .where("asks.user_id", "=", owner.userId)
      .where("asks.number", "=", number)
      .where("reminders.delivered_at", "is", null)
      .orderBy("reminders.due_at")
      .executeTakeFirst();
    return row ? { type: row.type as ReminderType, dueAt: new Date(ms(row.due_at)) } : null;
  }

  async getUserSetting(owner: Owner, key: string): Promise<unknown | undefined> {
    const row = await this.db
      .selectFrom("user_settings")
      .select("value")
      .where("platform", "=", owner.platform)
      .where("workspace_id", "=", owner.workspaceId)
      .where("user_id", "=", owner.userId)
      .where("key", "=", key)
      .executeTakeFirst();
    return row ? (JSON.parse(row.value) as unknown) : undefined;
  }

  async putUserSetting(owner: Owner, key: string, value: unknown, at: Date): Promise<void> {
    const json = JSON.stringify(value ?? null);
    await this.db
      .insertInto("user_settings")
      .values({ ...this.ownerFilter(owner), key, value: json, updated_at: at.getTime() })
      .onConflict((oc) => oc.columns(["platform", "workspace_id", "user_id", "key"]).doUpdateSet({ value: json, updated_at: at.getTime() }))
      .execute();
  }

  async deleteUserSetting(owner: Owner, key: string): Promise<void> {
    await this.db
      .deleteFrom("user_settings")
      .where("platform", "=", owner.platform)
      .where("workspace_id", "=", owner.workspaceId)
      .where("user_id", "=", owner.userId)
      .where("key", "=", key)
      .execute();
  }

  async recordDismissal(owner: Owner, ruleId: RuleId, at: Date): Promise<void> {
    await this.db
      .insertInto("dismissals")
      .values({ id: randomUUID(), rule_id: ruleId, ...this.ownerFilter(owner), created_at: at.getTime() })
      .execute();
  }

  async dismissalCounts(platform: Owner["platform"], workspaceId: string): Promise<Partial<Record<RuleId, number>>> {
    const rows = await this.db
      .selectFrom("dismissals")
      .select((eb) => ["rule_id", eb.fn.countAll<number | string>().as("count")])
      .where("platform", "=", platform)
      .where("workspace_id", "=", workspaceId)
      .groupBy("rule_id")
      .execute();
    return Object.fromEntries(rows.map((r) => [r.rule_id, Number(r.count)]));
  }

  async exportUser(owner: Owner): Promise<UserExport> {
    const o = this.ownerFilter(owner);
    const asks = await this.db.selectFrom("asks").selectAll().where("platform", "=", o.platform).where("workspace_id", "=", o.workspace_id).where("user_id", "=", o.user_id).orderBy("number").execute();
    const reminders = await this.db
      .selectFrom("reminders")
      .innerJoin("asks", "asks.key", "reminders.ask_key")
      .select(["reminders.id", "asks.number", "reminders.type", "reminders.due_at", "reminders.delivered_at", "reminders.delivered_by", "reminders.attempts"])
      .where("asks.platform", "=", o.platform)
      .where("asks.workspace_id", "=", o.workspace_id)
      .where("asks.user_id", "=", o.user_id)
      .orderBy("reminders.due_at")
      .execute();
    const settings = await this.db.selectFrom("user_settings").selectAll().where("platform", "=", o.platform).where("workspace_id", "=", o.workspace_id).where("user_id", "=", o.user_id).orderBy("key").execute();
    const dismissals = await this.db.selectFrom("dismissals").selectAll().where("platform", "=", o.platform).where("workspace_id", "=", o.workspace_id).where("user_id", "=", o.user_id).orderBy("created_at").execute();
    return {
      owner,
      asks: asks.map(toAsk),
      reminders: reminders.map(
        (r): StoredReminder => ({
          reminderId: r.id,
          askId: String(r.number),
          type: r.type as ReminderType,
          dueAt: new Date(ms(r.due_at)),
          deliveredAt: dateOrNull(r.delivered_at),
          deliveredBy: r.delivered_by,
          attempts: Number(r.attempts),
        }),
      ),
      settings: settings.map((s) => ({ key: s.key, value: JSON.parse(s.value) as unknown, updatedAt: new Date(ms(s.updated_at)) })),
      dismissals: dismissals.map((d) => ({ ruleId: d.rule_id, createdAt: new Date(ms(d.created_at)) })),
    };
  }

  async forgetUser(owner: Owner): Promise<ForgetCounts> {
    const o = this.ownerFilter(owner);
    return this.db.transaction().execute(async (trx) => {
      const askKeys = trx.selectFrom("asks").select("key").where("platform", "=", o.platform).where("workspace_id", "=", o.workspace_id).where("user_id", "=", o.user_id);
      const reminders = await trx.deleteFrom("reminders").where("ask_key", "in", askKeys).executeTakeFirst();
      const asks = await trx.deleteFrom("asks").where("platform", "=", o.platform).where("workspace_id", "=", o.workspace_id).where("user_id", "=", o.user_id).executeTakeFirst();
      const settings = await trx.deleteFrom("user_settings").where("platform", "=", o.platform).where("workspace_id", "=", o.workspace_id).where("user_id", "=", o.user_id).executeTakeFirst();
      const dismissals = await trx.deleteFrom("dismissals").where("platform", "=", o.platform).where("workspace_id", "=", o.workspace_id).where("user_id", "=", o.user_id).executeTakeFirst();
      return {
        asks: Number(asks.numDeletedRows),
        reminders: Number(reminders.numDeletedRows),
        settings: Number(settings.numDeletedRows),
        dismissals: Number(dismissals.numDeletedRows),
      };
    });
  }

  async close(): Promise<void> {
    await this.db.destroy();
  }
}
