/** npm start's Teams branch: alone on its own HTTP server, or on the one Slack's HTTP mode uses; and the model's improvement updating a posted card. */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createHttpServer } from "../adapters/http/server";
import { startTeams } from "../adapters/teams/start";
import { createLogger } from "../src/logger";
import { rulesOnlyReviewService, type ReviewService } from "../src/review-service";
import { cardOf, cardText, startFakeBotConnector } from "./fakes/bot-connector";
import { ANA, channelMention, personalMessage, startTeamsBotUnderTest } from "./teams-harness";

const logger = createLogger({ level: "silent" });
const DRAFT = "Hey Rob, I need you to intro me to the CTO at Gridline ASAP so I can pitch him. Send him a note today.";

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "askwell-teams-start-"));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

test("alone: its own server answers /healthz and POST /api/messages on PORT", async () => {
  const connector = await startFakeBotConnector();
  const running = await startTeams({ env: { TEAMS_ENABLED: "true", PORT: "0", DATABASE_URL: `sqlite:${join(dir, "alone.db")}` }, logger });
  try {
    const base = `http://127.0.0.1:${running.port}`;
    expect(await (await fetch(`${base}/healthz`)).json()).toEqual({ status: "ok", database: "ok" });
    const message = personalMessage(connector, ANA, "help");
    const response = await fetch(`${base}/api/messages`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(message) });
    expect(response.status).toBe(200);
    expect((await connector.waitFor((a) => a.activityId === message.id)).body.text).toMatch(/Askwell/);
  } finally {
    await running.stop();
    await connector.close();
  }
});

test("beside Slack: mounts on the shared HTTP server, which keeps its own routes", async () => {
  const connector = await startFakeBotConnector();
  const http = createHttpServer({ port: 0, host: "127.0.0.1", logger });
  const port = await http.start();
  const running = await startTeams({ env: { TEAMS_ENABLED: "true", DATABASE_URL: `sqlite:${join(dir, "shared.db")}` }, logger, shared: { http, port } });
  try {
    expect(running.port).toBe(port);
    expect((await fetch(`http://127.0.0.1:${port}/healthz`)).status).toBe(200);
    const mention = channelMention(connector, ANA, "help");
    expect((await fetch(`http://127.0.0.1:${port}/api/messages`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(mention) })).status).toBe(200);
    await connector.waitFor((a) => a.activityId === mention.id);
  } finally {
    await running.stop();
    await http.stop();
    await connector.close();
  }
});

test("refuses to start unauthenticated in production", async () => {
  await expect(startTeams({ env: { TEAMS_ENABLED: "true", NODE_ENV: "production" }, logger })).rejects.toThrow(/MicrosoftAppId/);
});

test("a model's improved review replaces the posted card in place", async () => {
  const rules = rulesOnlyReviewService();
  const modelBacked: ReviewService = {
    reviewNow: rules.reviewNow,
    improve: async (_draft, first) => ({ result: { ...first, rewrite: "Hi Rob, [where you met]. Could you introduce me to the CTO at Gridline? No worries if not.", rewriteSource: "model", kindSource: "rules", findings: first.findings.map((f, i) => (i === 0 ? { ...f, source: "model" as const } : f)), overruled: [] }, note: "Reviewed with AI help." }),
  };
  const t = await startTeamsBotUnderTest({ reviews: modelBacked });
  try {
    const mention = channelMention(t.connector, ANA, DRAFT);
    await t.post(mention);
    const posted = await t.connector.waitFor((a) => a.method === "POST" && a.activityId === mention.id);
    const updated = await t.connector.waitFor((a) => a.method === "PUT" && a.activityId === posted.id);
    expect(cardText(cardOf(updated))).toContain("🤖 AI review, refereed by the rules · 1 finding from the AI");
    expect(cardText(cardOf(posted))).not.toContain("AI review");
    expect(cardText(cardOf(updated))).toMatch(/Reviewed with AI help\.[\s\S]*A suggested rewrite \(AI-assisted\)[\s\S]*No worries if not/);
    expect(updated.conversationId).toBe(posted.conversationId);
  } finally {
    await t.close();
  }
});
