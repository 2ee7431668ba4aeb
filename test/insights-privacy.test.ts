/**
 * Insights never carry draft text, and never another workspace's figures: the same drafts, full of
 * words found nowhere else (names, companies, a phone number, an e-mail, a URL), are reviewed in Slack
 * (signed requests, fake Web API), in Teams (activities, fake connector) and with the CLI binary, all on
 * one database (SQLite, and PostgreSQL when TEST_DATABASE_URL is set); rewrites — which carry the
 * drafts' facts — are taken up too. Then every surface's insights, and every stored counter, are
 * searched for any of those words, and each surface shows its own workspace's reviews only.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { review } from "../src/core/review";
import { openKyselyStore } from "../src/storage";
import { cardOf, submitActions } from "./fakes/bot-connector";
import { blocksText, button, buttons, click, event, slashCommand, startSlackHarness, viewSubmission, TEAM, type SlackHarness } from "./slack-harness";
import { ANA, BEN, TENANT, cardSubmit, personalConversation, personalMessage, startTeamsBotUnderTest, type TeamsBotUnderTest } from "./teams-harness";

const BIN = join(__dirname, "..", "bin", "askwell.js");
const DRAFTS = [
  "Hi Quillon, could you introduce me to Zephyrine Marchbank at Vortigern Labs? I need you to do it ASAP.",
  "Hi Oriel Thistlewood, would you write me a recommendation for my saffronite pipeline work at Kestrelmoor? I'll recommend you back, promise.",
  "Hi Bramwell, I saw your profile and wanted to connect. I'm reaching out to grow my network at Glimmerfen.",
  "Hi Halvorsen, following up again on the Quorvex proposal. Bumping this once more, call me at 555-0199.",
  "Hi Ysolde, I'm Pat from Nimbrastic. Book a demo of our Frostquill analytics this week: https://nimbrastic.example/demo — you must see it.",
  "Hi Halvorsen, we worked together at Vortigern Labs. Could you introduce me to Zephyrine Marchbank at Brightwater? I'd like her advice on pricing before our launch in March. If it's not a good fit, no worries at all. You can reach me at pat@kestrelmoor.example.",
];
const DRAFT_ONLY = /Quillon|Zephyrine|Marchbank|Vortigern|Oriel|Thistlewood|saffronite|Kestrelmoor|Bramwell|Glimmerfen|Halvorsen|Quorvex|555-0199|Ysolde|Nimbrastic|Frostquill|nimbrastic\.example|pat@|Brightwater|ASAP|\[how we know/i;
const WITH_REWRITE = DRAFTS.filter((d) => review(d).rewrite !== null).length;

jest.setTimeout(120_000);

const pgUrl = process.env.TEST_DATABASE_URL;
const databases: Array<[string, { pgSchema?: string }]> = [["SQLite", {}]];
if (pgUrl) databases.push(["PostgreSQL", { pgSchema: `insights_privacy_${process.pid}_${Date.now()}` }]);

describe.each(databases)("no draft text in any insights, on %s", (_name, { pgSchema }) => {
  const dir = mkdtempSync(join(tmpdir(), "askwell-insights-privacy-"));
  const databaseUrl = pgSchema ? pgUrl! : `sqlite:${join(dir, "shared.db")}`;
  const cliUrl = pgSchema ? `${pgUrl}${pgUrl!.includes("?") ? "&" : "?"}options=${encodeURIComponent(`-c search_path=${pgSchema}`)}` : databaseUrl;
  const now = new Date();
  let slack: SlackHarness;
  let teams: TeamsBotUnderTest;

  beforeAll(async () => {
    slack = await startSlackHarness({ databaseUrl, ...(pgSchema ? { pgSchema } : {}) });
    slack.fake.workspaceAdmins.add("U_ADMIN");
    slack.clock.now = now;
    teams = await startTeamsBotUnderTest({ databaseUrl, ...(pgSchema ? { pgSchema } : {}), admins: [`teams:${TENANT}:${ANA.aadObjectId}`], now: () => now });
  });
  afterAll(async () => {
    await teams.close();
    await slack.close();
    if (pgSchema) {
      const store = await openKyselyStore({ dialect: "postgres", url: pgUrl! }, { pgSchema });
      await store.db.schema.dropSchema(pgSchema).ifExists().cascade().execute();
      await store.close();
    }
    rmSync(dir, { recursive: true, force: true });
  });

  const askwell = (args: string[], input = "") => spawnSync(process.execPath, [BIN, ...args], { cwd: dir, env: { PATH: process.env.PATH ?? "", HOME: dir, DATABASE_URL: cliUrl, ASKWELL_USER: "pat" }, input, encoding: "utf8" });

  test("Slack, Teams and the CLI review the same drafts; every insights output and every counter is free of their words", async () => {
    // The CLI: each draft reviewed in the local workspace (first: the chat servers' idle connections would time out meanwhile).
    for (const draft of DRAFTS) expect(askwell(["review"], draft).status).toBe(0);

    // Slack: each draft reviewed; each rewrite taken up through Review my edit; a finding marked not applicable.
    for (const [i, draft] of DRAFTS.entries()) {
      const cmd = slashCommand(slack, draft, `U${i + 1}`);
      await cmd.send();
      const blocks = (await slack.fake.waitForResponse(cmd.responseId)).body.blocks;
      expect(JSON.stringify(blocks)).toMatch(DRAFT_ONLY); // the review itself quotes the draft and its rewrite
      if (i === 0) await click(slack, buttons(blocks).find((b) => b.action_id.startsWith("dismiss_finding_"))!, "U1").send();
      if (!review(draft).rewrite) continue;
      const edit = click(slack, button(blocks, "review_edit"), `U${i + 1}`);
      await edit.send();
      const modal = (await slack.fake.waitForCall("views.open", (c) => c.args.trigger_id === `trig-${edit.responseId}`)).args.view as { private_metadata: string; callback_id: string; initial?: string; blocks: Array<{ element?: { initial_value?: string } }> };
      const rewrite = modal.blocks[0]!.element!.initial_value!;
      await viewSubmission(slack, modal, { draft: { value: { type: "plain_text_input", value: rewrite } } }, `U${i + 1}`);
    }

    // Teams: each draft reviewed by Ben; each rewrite taken up with Use this rewrite.
    for (const draft of DRAFTS) {
      const message = personalMessage(teams.connector, BEN, draft);
      await teams.post(message);
      const reply = await teams.connector.waitFor((a) => a.method === "POST" && a.activityId === message.id);
      const use = submitActions(cardOf(reply)).find((a) => a.title === "Use this rewrite");
      if (use) await teams.post(cardSubmit(teams.connector, BEN, reply.id, { ...use.data, draft }, personalConversation(BEN)));
    }
    await teams.bot.idle();

    // Every surface's insights.
    const expected = DRAFTS.length + WITH_REWRITE;
    let slackHome = "";
    for (let attempt = 0; attempt < 50 && !slackHome.includes(`${expected} reviews`); attempt++) {
      const seen = slack.fake.callsTo("views.publish").filter((c) => c.args.user_id === "U_ADMIN").length;
      await event(slack, { type: "app_home_opened", user: "U_ADMIN", channel: "D_ADMIN", tab: "home", event_ts: "1700000000.1" });
      slackHome = JSON.stringify((await slack.fake.waitForCall("views.publish", (c) => c.args.user_id === "U_ADMIN", seen)).args.view);
      if (!slackHome.includes(`${expected} reviews`)) await new Promise((resolve) => setTimeout(resolve, 100));
    }
    const ask = personalMessage(teams.connector, ANA, "insights");
    await teams.post(ask);
    const teamsCard = JSON.stringify((await teams.connector.waitFor((a) => a.method === "POST" && a.activityId === ask.id)).body);
    const cliText = askwell(["insights"]).stdout;
    const cliJson = askwell(["insights", "--json"]).stdout;

    // Each shows its own workspace: Slack and Teams the drafts and the rewrites taken up, the CLI its own reviews.
    expect(blocksText(JSON.parse(slackHome).blocks)).toContain(`${expected} reviews:`);
    expect(blocksText(JSON.parse(slackHome).blocks)).toContain(`${WITH_REWRITE} used`);
    expect(teamsCard).toContain(`${expected} reviews:`);
    expect(cliText).toContain(`${DRAFTS.length} reviews:`);
    expect(JSON.parse(cliJson).reviews.total).toBe(DRAFTS.length);
    expect(slackHome).toContain("What the team learns");
    expect(teamsCard).toContain("What the team learns");

    for (const output of [slackHome, teamsCard, cliText, cliJson]) expect(output).not.toMatch(DRAFT_ONLY);

    // And in storage: the counters of all three workspaces hold nothing but ids, verdicts, months and counts.
    const store = pgSchema ? await openKyselyStore({ dialect: "postgres", url: pgUrl! }, { pgSchema }) : await openKyselyStore({ dialect: "sqlite", file: join(dir, "shared.db") });
    const rows = await store.db.selectFrom("insight_counts").selectAll().execute();
    await store.close();
    expect(new Set(rows.map((r) => `${r.platform}:${r.workspace_id}`))).toEqual(new Set([`slack:${TEAM}`, `teams:${TENANT}`, "console:local"]));
    expect(JSON.stringify(rows)).not.toMatch(DRAFT_ONLY);
    for (const row of rows) expect(row.detail).toMatch(/^(|ready|revise|dont-send|not-an-ask|[a-z]+(-[a-z]+)*)$/);
  });
});
