import express, { type ErrorRequestHandler, type Express, type Request, type Response } from "express";
import type { CloudAdapter } from "botbuilder";
import { z } from "zod";
import type { Logger } from "../../src/logger";
import type { TeamsBot } from "./bot";

export const TEAMS_ROUTE = "/api/messages";

const NOT_AN_ACTIVITY = "The request body must be a Bot Framework activity (JSON).";

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
 * Authentication (when configured) is CloudAdapter's: a request without a valid token gets 401.
 */
export function mountTeams(app: Express, deps: { adapter: CloudAdapter; bot: TeamsBot; logger: Logger }): void {
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
      try {
        await deps.adapter.process(req, res, deps.bot.run);
      } catch (error) {
        deps.logger.error({ err: error instanceof Error ? error.message.slice(0, 300) : String(error) }, "teams: request failed");
        if (!res.headersSent) res.status(500).json({ error: "Something went wrong on Askwell's side; nothing was processed." });
      }
    },
    malformed,
  );
}
