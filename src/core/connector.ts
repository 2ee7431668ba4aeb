/**
 * Connector protection: the person asked for introductions is the team's shared asset. When a new intro
 * request goes to someone who already has open ones from the same team, the sender is told how many and
 * since when — counts and dates only, never whose or what — with ways to spare the connector.
 */
import type { ConnectorRequest } from "./team-store";

export const CONNECTOR_WINDOW_DAYS = 30;

export function connectorWindowStart(now: Date): Date {
  return new Date(now.getTime() - CONNECTOR_WINDOW_DAYS * 24 * 60 * 60 * 1000);
}

const day = (date: Date): string => date.toISOString().slice(0, 10);

/** The notice for a new intro request, or null while the connector is under the team's threshold. */
export function connectorNotice(connector: string, open: readonly ConnectorRequest[], threshold: number): string | null {
  if (open.length < threshold) return null;
  const fromTeammates = open.filter((r) => !r.fromSender).length;
  const mine = open.length - fromTeammates;
  const who = [fromTeammates ? `${fromTeammates} from teammate${fromTeammates === 1 ? "" : "s"}` : "", mine ? `${mine} of your own` : ""].filter(Boolean).join(" and ");
  const dates = open.map((r) => day(r.sentAt)).join(", ");
  return (
    `Heads-up: ${connector} already has ${open.length} open intro request${open.length === 1 ? "" : "s"} from your team in the last ${CONNECTOR_WINDOW_DAYS} days (${who}; sent ${dates}). ` +
    `To protect their goodwill, consider waiting until those are answered, bundling your ask with your teammate's, or asking someone else who knows the person.`
  );
}

/** The line a pending intro's reminder adds about the connector's other open requests (null when there are none). */
export function connectorReminderLine(open: readonly ConnectorRequest[]): string | null {
  if (open.length === 0) return null;
  return `They also have ${open.length} other open intro request${open.length === 1 ? "" : "s"} from your team right now, so give them room: one gentle follow-up at most.`;
}
