import express, { type ErrorRequestHandler, type Express, type Request, type Response } from "express";
import type { Activity, TurnContext } from "botbuilder";
import { z } from "zod";
import type { Logger } from "../../src/logger";
import type { TeamsCloudAdapter } from "./adapter";
import type { TeamsBot } from "./bot";

export const TEAMS_ROUTE = "/api/messages";

const NOT_AN_ACTIVITY = "The request body must be a Bot Framework activity (JSON).";
const UNAUTHORIZED = "This request is not signed by the Bot Framework for this bot.";
const CANNOT_VERIFY = "Askwell cannot verify requests right now; please retry shortly.";
const SORRY = "Something went wrong on Askwell's side; nothing was processed.";

/** What botbuilder's own `process` does to a parsed body: ISO timestamps become Dates. */
function asActivity(body: Record<string, unknown>): Activity {
  const activity = { ...body } as Record<string, unknown>;
  for (const [field, raw] of [["timestamp", "rawTimestamp"], ["expiration", "rawExpiration"], ["localTimestamp", "rawLocalTimestamp"]] as const) {
    if (typeof activity[field] === "string") {
      activity[raw] = activity[field];
      activity[field] = new Date(activity[field]);
    }
  }
  return activity as unknown as Activity;
}

const refusedAuthentication = (error: unknown): boolean => {
  const status = (error as { statusCode?: unknown }).statusCode;
  return status === 401 || status === 403;
};

/** The fields botbuilder and the bot rely on; the rest of the activity passes through untouched. */
const idObject = z.looseObject({ id: z.string().optional() });
const activityShape = z.looseObject({
  type: z.string().min(1),
  id: z.string().optional(),
  serviceUrl: z.string().optional(),
  channelId: z.string().optional(),
  text: z.string().optional(),
  from: idObject.optional(),
  recipient: idObject.optional(),
  conversation: idObject.optional(),
  entities: z.array(z.looseObject({ type: z.string().optional() })).optional(),
});

/**
 * Mounts `POST /api/messages` on any express 5 app (the shared HTTP server, or a test's own).
 * Authentication (when configured) is CloudAdapter's: a request without a valid token gets 401. The
 * activity goes to `processActivity` rather than botbuilder's `process`, which answers failures with
 * the internal error text and prints them with console.error: here the Bot Framework keys being
 * unreachable is a 503 (the channel retries), a failed turn a 500, each with a short fixed text and
 * logged as JSON.
 */
export function mountTeams(app: Express, deps: { adapter: TeamsCloudAdapter; bot: TeamsBot; logger: Logger }): void {
  const malformed: ErrorRequestHandler = (error, _req, res, next) => {
    if (res.headersSent) return next(error);
    const status = typeof (error as { status?: unknown }).status === "number" ? (error as { status: number }).status : 400;
    deps.logger.warn({ err: error instanceof Error ? error.message : String(error), status }, "teams: unreadable request refused");
    res.status(status < 500 ? status : 400).json({ error: NOT_AN_ACTIVITY });
  };
  app.post(
    TEAMS_ROUTE,
    express.json({ limit: "1mb" }),
    async (req: Request, res: Response) => {
      if (!activityShape.safeParse(req.body).success) {
        deps.logger.warn({ status: 400 }, "teams: request that is not an activity refused");
        res.status(400).json({ error: NOT_AN_ACTIVITY });
        return;
      }
      const authorization = typeof req.headers.authorization === "string" ? req.headers.authorization : "";
      let turnStarted = false;
      try {
        const answer = await deps.adapter.authenticateAndRun(authorization, asActivity(req.body as Record<string, unknown>), async (context: TurnContext) => {
          turnStarted = true;
          await deps.bot.run(context);
        });
        if (res.headersSent) return;
        res.status(answer?.status ?? 200);
        if (answer?.body === undefined) res.end();
        else res.json(answer.body);
      } catch (error) {
        const err = error instanceof Error ? error.message.slice(0, 300) : String(error);
        if (res.headersSent) return;
        if (!turnStarted && refusedAuthentication(error)) {
          deps.logger.warn({ err, status: 401 }, "teams: unauthenticated request refused");
          res.status(401).json({ error: UNAUTHORIZED });
        } else if (!turnStarted) {
          deps.logger.error({ err, status: 503 }, "teams: could not authenticate the request (Bot Framework keys unreachable?)");
          res.status(503).json({ error: CANNOT_VERIFY });
        } else {
          deps.logger.error({ err, status: 500 }, "teams: request failed");
          res.status(500).json({ error: SORRY });
        }
      }
    },
    malformed,
  );
}
