import type { AskStore } from "../core/ask-store";
import type { Owner } from "../core/ports";
import type { TokenUsageStore } from "./token-budget";

/** The settings row of a workspace (not of one user) that holds today's token count. */
const KEY = "llm.tokens-today";
const WORKSPACE_ROW = "*workspace*";

type Settings = Pick<AskStore, "getUserSetting" | "putUserSetting">;

/**
 * Tokens per workspace and UTC day, persisted in the settings table of the tracker's store (SQLite or
 * PostgreSQL), so a restart does not reset the budget. `platform` is the adapter's: a workspace id is
 * only unique within its platform. Increments are serialised per workspace within this process; two
 * processes adding at the same instant may lose one call's count (the budget is a soft limit).
 */
export function settingsTokenUsageStore(store: Settings, platform: Owner["platform"], now: () => Date = () => new Date()): TokenUsageStore {
  const pending = new Map<string, Promise<void>>();
  const owner = (workspaceId: string): Owner => ({ platform, workspaceId, userId: WORKSPACE_ROW });
  const read = async (workspaceId: string, day: string): Promise<number> => {
    const value = (await store.getUserSetting(owner(workspaceId), KEY)) as { day?: unknown; used?: unknown } | undefined;
    return value && value.day === day && typeof value.used === "number" ? value.used : 0;
  };
  return {
    usedOn: read,
    add(workspaceId, day, tokens) {
      const previous = pending.get(workspaceId) ?? Promise.resolve();
      const next = previous.catch(() => undefined).then(async () => {
        const used = await read(workspaceId, day);
        await store.putUserSetting(owner(workspaceId), KEY, { day, used: used + tokens }, now());
      });
      pending.set(workspaceId, next);
      void next.finally(() => {
        if (pending.get(workspaceId) === next) pending.delete(workspaceId);
      }).catch(() => undefined);
      return next;
    },
  };
}
