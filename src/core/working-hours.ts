/**
 * Quiet hours: a reminder due outside working hours or at a weekend in the sender's time zone waits
 * for the next working morning. Pure: the instant and the zone are arguments; Intl gives the offsets.
 */
export interface WorkingHours {
  /** Local hour the working day starts (inclusive), 0-23. */
  startHour: number;
  /** Local hour the working day ends (exclusive), 1-24. */
  endHour: number;
}

interface LocalParts {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

/** True when `zone` is an IANA time zone this runtime knows. */
export function isKnownTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat("en-US", { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

function localParts(instant: Date, zone: string): LocalParts {
  const format = new Intl.DateTimeFormat("en-US", {
    timeZone: zone,
    hourCycle: "h23",
    year: "numeric",
    month: "numeric",
    day: "numeric",
    hour: "numeric",
    minute: "numeric",
    second: "numeric",
  });
  const parts: Record<string, number> = {};
  for (const part of format.formatToParts(instant)) if (part.type !== "literal") parts[part.type] = Number(part.value);
  return { year: parts.year!, month: parts.month!, day: parts.day!, hour: parts.hour! % 24, minute: parts.minute!, second: parts.second! };
}

/** Minutes the zone is ahead of UTC at that instant. */
function offsetMinutes(instant: Date, zone: string): number {
  const p = localParts(instant, zone);
  const asUtc = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second);
  return Math.round((asUtc - Math.floor(instant.getTime() / 1000) * 1000) / 60000);
}

/** The instant at which the wall clock in `zone` shows the given local date and hour. */
function zonedInstant(year: number, month: number, day: number, hour: number, zone: string): Date {
  const wall = Date.UTC(year, month - 1, day, hour);
  let guess = wall - offsetMinutes(new Date(wall), zone) * 60000;
  guess = wall - offsetMinutes(new Date(guess), zone) * 60000;
  return new Date(guess);
}

const isWeekend = (year: number, month: number, day: number): boolean => {
  const weekday = new Date(Date.UTC(year, month - 1, day)).getUTCDay();
  return weekday === 0 || weekday === 6;
};

/** `at` itself when it falls in working hours on a weekday in `zone` (UTC when null or unknown), else the next working morning. */
export function nextWorkingMoment(at: Date, zone: string | null, hours: WorkingHours): Date {
  const tz = zone && isKnownTimeZone(zone) ? zone : "UTC";
  const local = localParts(at, tz);
  const weekend = isWeekend(local.year, local.month, local.day);
  if (!weekend && local.hour >= hours.startHour && local.hour < hours.endHour) return at;
  let dayOffset = !weekend && local.hour < hours.startHour ? 0 : 1;
  for (;;) {
    const candidate = new Date(Date.UTC(local.year, local.month - 1, local.day + dayOffset));
    const [y, m, d] = [candidate.getUTCFullYear(), candidate.getUTCMonth() + 1, candidate.getUTCDate()];
    if (!isWeekend(y, m, d)) return zonedInstant(y, m, d, hours.startHour, tz);
    dayOffset += 1;
  }
}
