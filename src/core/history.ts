/** The window of the `mass-blast` history rule (spec: "Rules from tracked history"). */
export const SAME_ASK_WINDOW_DAYS = 14;

export function sameAskWindowStart(now: Date): Date {
  return new Date(now.getTime() - SAME_ASK_WINDOW_DAYS * 24 * 60 * 60 * 1000);
}

/** Follow-ups logged for an ask in this state: the tracker allows one, recorded by `followedUpAt`. */
export function followUpsLogged(ask: { followedUpAt: Date | null }): number {
  return ask.followedUpAt ? 1 : 0;
}
