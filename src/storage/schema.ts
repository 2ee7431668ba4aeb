/** Table types for Kysely. Instants are epoch milliseconds (bigint on PostgreSQL, integer on SQLite). */
import type { Generated } from "kysely";
import type { WorkspacePoliciesTable } from "./team-migration";
import type { InsightCountsTable } from "./insights-migration";

type Millis = number | string | bigint;

export interface AsksTable {
  key: string;
  platform: string;
  workspace_id: string;
  user_id: string;
  /** Per-owner number: the ask id users type. */
  number: number;
  reader_user_id: string | null;
  reader_name: string | null;
  third_person: string | null;
  kind: string;
  sent_at: Millis;
  state: string;
  followed_up_at: Millis | null;
  closed_at: Millis | null;
  fingerprint: string;
  summary: string;
  draft: string | null;
  time_zone: string | null;
  created_at: Millis;
}

export interface RemindersTable {
  id: string;
  ask_key: string;
  type: string;
  due_at: Millis;
  lease_owner: string | null;
  lease_until: Millis | null;
  attempts: Generated<number>;
  delivered_at: Millis | null;
  delivered_by: string | null;
}

export interface UserSettingsTable {
  platform: string;
  workspace_id: string;
  user_id: string;
  key: string;
  /** JSON text. */
  value: string;
  updated_at: Millis;
}

export interface DismissalsTable {
  id: string;
  rule_id: string;
  platform: string;
  workspace_id: string;
  user_id: string;
  created_at: Millis;
}

/** Requests already handled (Slack event ids, request signatures), so a retry or a replay is not handled twice. */
export interface SeenRequestsTable {
  key: string;
  expires_at: Millis;
}

export interface Database {
  asks: AsksTable;
  reminders: RemindersTable;
  user_settings: UserSettingsTable;
  dismissals: DismissalsTable;
  seen_requests: SeenRequestsTable;
  workspace_policies: WorkspacePoliciesTable;
  insight_counts: InsightCountsTable;
}
