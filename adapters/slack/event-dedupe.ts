/**
 * Slack resends an event (`X-Slack-Retry-Num`, same `event_id`) when the first delivery was slow or
 * failed, and Bolt does not de-duplicate: with several replicas the retry may land on another one.
 * Each event id is handled once, recorded in the shared database for a day (Slack retries for minutes).
 */
import type { App } from "@slack/bolt";
import type { Logger } from "../../src/logger";
import type { SeenRequests } from "../../src/storage/seen-requests";

const EVENT_MEMORY_MS = 24 * 60 * 60 * 1000;

export function registerEventDedupe(bolt: App, seen: SeenRequests, logger: Logger, now: () => Date = () => new Date()): void {
  bolt.use(async ({ body, next }) => {
    const eventId = (body as { type?: unknown; event_id?: unknown }).type === "event_callback" ? (body as { event_id?: unknown }).event_id : undefined;
    if (typeof eventId !== "string") return next();
    let first = true;
    try {
      first = await seen.firstSighting(`slack-event:${eventId}`, now(), EVENT_MEMORY_MS);
    } catch (error) {
      // Storage down: handle it rather than drop it (a duplicate beats a lost review).
      logger.warn({ err: error instanceof Error ? error.message : String(error), eventId }, "slack: event de-duplication unavailable");
    }
    if (!first) {
      logger.info({ eventId }, "slack: event already handled; retry ignored");
      return;
    }
    await next();
  });
}
