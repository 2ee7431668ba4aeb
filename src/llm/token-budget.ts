/**
 * Tokens spent per workspace per UTC day. Behind this small interface so the counter can live in
 * memory (the default: one process, reset on restart) or in the database.
 */
export interface TokenUsageStore {
  usedOn(workspaceId: string, day: string): Promise<number>;
  add(workspaceId: string, day: string, tokens: number): Promise<void>;
}

/** The UTC calendar date, e.g. "2026-11-22": the budget's day. */
export function utcDay(at: Date): string {
  return at.toISOString().slice(0, 10);
}

export function inMemoryTokenUsageStore(): TokenUsageStore {
  const used = new Map<string, number>();
  let currentDay = "";
  return {
    async usedOn(workspaceId, day) {
      return day === currentDay ? (used.get(workspaceId) ?? 0) : 0;
    },
    async add(workspaceId, day, tokens) {
      if (day !== currentDay) {
        // Only today's counters matter: forget yesterday's instead of growing forever.
        used.clear();
        currentDay = day;
      }
      used.set(workspaceId, (used.get(workspaceId) ?? 0) + tokens);
    },
  };
}
