import { createHttpServer } from "../adapters/http/server";
import { createLogger } from "../src/logger";

describe("shared HTTP server", () => {
  const logger = createLogger({ level: "silent" });

  test("/healthz: 200 when the database answers, 503 when it does not; adapters add routes", async () => {
    let databaseUp = true;
    const server = createHttpServer({ port: 0, host: "127.0.0.1", logger, healthCheck: async () => { if (!databaseUp) throw new Error("connection refused"); } });
    server.app.post("/api/messages", (_req, res) => void res.status(202).end());
    const port = await server.start();
    try {
      const up = await fetch(`http://127.0.0.1:${port}/healthz`);
      expect([up.status, await up.json()]).toEqual([200, { status: "ok", database: "ok" }]);
      databaseUp = false;
      const down = await fetch(`http://127.0.0.1:${port}/healthz`);
      expect([down.status, await down.json()]).toEqual([503, { status: "degraded", database: "unreachable" }]);
      expect((await fetch(`http://127.0.0.1:${port}/api/messages`, { method: "POST" })).status).toBe(202);
    } finally {
      await server.stop();
    }
  });
});
