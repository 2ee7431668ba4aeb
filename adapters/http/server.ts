import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import express, { type Express } from "express";
import type { Logger } from "../../src/logger";

/** What `/healthz` asks the rest of the process: resolves when the database answers, rejects when it does not. */
export type HealthCheck = () => Promise<void>;

export interface HttpServer {
  /** The express 5 app. Add routes before `start()`: Slack mounts `/slack/*` through Bolt's ExpressReceiver, Teams `POST /api/messages`. */
  app: Express;
  /** Listens on the configured port (0 picks a free one) and resolves with the bound port. */
  start(): Promise<number>;
  stop(): Promise<void>;
}

/**
 * The one HTTP server of the process. Only `GET /healthz` lives here; each platform adapter mounts its
 * own routes on `app`, e.g. `server.app.post("/api/messages", express.json(), handler)`.
 * `/healthz` answers 200 `{status:"ok",database:"ok"}` or 503 with `database:"unreachable"`.
 */
export function createHttpServer(options: { port: number; host?: string; logger: Logger; healthCheck?: HealthCheck }): HttpServer {
  const app = express();
  app.disable("x-powered-by");
  let server: Server | undefined;

  app.get("/healthz", async (_req, res) => {
    if (!options.healthCheck) {
      res.json({ status: "ok", database: "not-configured" });
      return;
    }
    try {
      await options.healthCheck();
      res.json({ status: "ok", database: "ok" });
    } catch (error) {
      options.logger.warn({ err: error instanceof Error ? error.message : String(error) }, "healthz: database unreachable");
      res.status(503).json({ status: "degraded", database: "unreachable" });
    }
  });

  return {
    app,
    start: () =>
      new Promise((resolve, reject) => {
        server = createServer(app);
        server.once("error", reject);
        server.listen(options.port, options.host, () => {
          const port = (server!.address() as AddressInfo).port;
          options.logger.debug({ port }, "http server listening");
          resolve(port);
        });
      }),
    stop: () =>
      new Promise((resolve, reject) => {
        if (!server) return resolve();
        const closing = server;
        server = undefined;
        closing.close((error) => (error ? reject(error) : resolve()));
        closing.closeAllConnections();
      }),
  };
}
