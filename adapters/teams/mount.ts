import express, { type ErrorRequestHandler, type Express, type Request, type Response } from "express";
import type { CloudAdapter } from "botbuilder";
import type { Logger } from "../../src/logger";
import type { TeamsBot } from "./bot";

export const TEAMS_ROUTE = "/api/messages";

/**
 * Mounts `POST /api/messages` on any express 5 app (the shared HTTP server, or a test's own).
 * Authentication (when configured) is CloudAdapter's: a request without a valid token gets 401.
 */
export function mountTeams(app: Express, deps: { adapter: CloudAdapter; bot: TeamsBot; logger: Logger }): void {
  const malformed: ErrorRequestHandler = (error, _req, res, next) => {
    if (res.headersSent) return next(error);
    const status = typeof (error as { status?: unknown }).status === "number" ? (error as { status: number }).status : 400;
    deps.logger.warn({ err: error instanceof Error ? error.message : String(error), status }, "teams: unreadable request refused");
    res.status(status < 500 ? status : 400).json({ error: "The request body must be a Bot Framework activity (JSON)." });
  };
  app.post(
    TEAMS_ROUTE,
    express.json({ limit: "1mb" }),
    async (req: Request, res: Response) => {
      try {
        await deps.adapter.process(req, res, deps.bot.run);
      } catch (error) {
        deps.logger.error({ err: error instanceof Error ? error.message : String(error) }, "teams: request failed");
        if (!res.headersSent) res.status(500).json({ error: "internal error" });
      }
    },
    malformed,
  );
}
