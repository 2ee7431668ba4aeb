/**
 * The engine's old blind spots, driven the way users meet them: the CLI as a script runs it, Slack
 * through signed requests, Teams through Bot Framework activities.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { blocksText, slashCommand, startSlackHarness, type SlackHarness } from "./slack-harness";
import { cardOf, cardText } from "./fakes/bot-connector";
import { personalMessage, startTeamsBotUnderTest, type TeamsBotUnderTest } from "./teams-harness";

const BIN = join(__dirname, "..", "bin", "askwell.js");
const cwd = mkdtempSync(join(tmpdir(), "askwell-blind-spots-"));

interface ContractLine {
  kind: string;
  verdict: string;
  score: number;
  findings: Array<{ rule: string; start: number | null }>;
  notice?: { code: string; message: string };
}

function reviewJsonl(texts: string[]): ContractLine[] {
  const input = texts.map((text, i) => JSON.stringify({ id: `t${i}`, text })).join("\n") + "\n";
  const run = spawnSync(process.execPath, [BIN, "review", "--jsonl"], { cwd, input, encoding: "utf8", env: { PATH: process.env.PATH ?? "", HOME: cwd } });
  expect(run.status).toBe(0);
  return run.stdout.trim().split("\n").map((line) => JSON.parse(line) as ContractLine);
}

const SPANISH = "Hola Marta, ¿podrías presentarme a Luis Ortega de Acme? Quiero pedirle consejo sobre cómo crecer nuestro equipo de ventas. Si no te parece bien, no pasa nada. ¡Gracias!";
const FRENCH = "Bonjour Claire, pourriez-vous me présenter à Julien chez Lumio ? Nous avons travaillé ensemble chez Orano et je voudrais lui demander conseil. Merci beaucoup !";
const JAPANESE = "田中さん、お世話になっております。御社の山本様をご紹介いただけないでしょうか。新しいプロジェクトについてご相談したいと考えております。";

describe("the CLI", () => {
  test("a draft in another language is told plainly that only English is reviewed, never scored 100", () => {
    const [es, fr, ja] = reviewJsonl([SPANISH, FRENCH, JAPANESE]);
    for (const result of [es, fr, ja]) {
      expect(result!.notice?.code).toBe("unsupported-language");
      expect(result!.notice?.message).toMatch(/English drafts/);
      expect(result!.score).toBeLessThan(100);
      expect(result!.verdict).not.toBe("ready");
    }
    const human = spawnSync(process.execPath, [BIN, "review", SPANISH], { cwd, encoding: "utf8" });
    expect(human.stdout).toMatch(/I review English drafts for now/);
    expect(human.stdout).not.toMatch(/100\/100/);
  });

  test("missing apostrophes and chat typos do not change what the draft is", () => {
    const [tidy, sloppy] = reviewJsonl([
      "Hi Omar, I'm a PM at Finch and I'd love an intro to Dana at Rivet. We met at your talk on pricing last month. Could you connect us? No worries if not.",
      "hi omar im a pm at finch and id love an intro to dana at rivet. we met at ur talk on pricing last month. could u connect us? no worries if not",
    ]);
    expect(tidy!.kind).toBe("intro_request");
    expect(sloppy!.kind).toBe(tidy!.kind);
  });

  test("a non-ask phrase in one paragraph does not hide the ask in another", () => {
    const background = "We shipped the new billing flow last week and the team is finally catching its breath. ".repeat(3);
    const draft = `Hi Priya,\n\nSee you then at the offsite! ${background}\n\nSeparately: could you introduce me to Tom Reyes at Vantage? I'd like his advice on our EMEA launch, ideally in the next few weeks. If it's awkward, no problem at all.\n\nThanks,\nLee`;
    const [result] = reviewJsonl([draft]);
    expect(result!.kind).not.toBe("other");
  });

  test("the whole draft is reviewed: an ask after 25,000 characters of background still counts", () => {
    const background = "Quarterly notes: revenue grew, churn fell, the team hired two engineers and moved offices. ".repeat(280);
    const draft = `${background}\n\nCould you introduce me to Maya Chen at Harbor? I want to ask her about hiring our first data lead, and I need you to do it ASAP.`;
    expect(draft.length).toBeGreaterThan(25_000);
    const [result] = reviewJsonl([draft]);
    expect(result!.kind).toBe("intro_request");
    expect(result!.findings.map((f) => f.rule)).toContain("demanding-tone");
    const demand = result!.findings.find((f) => f.rule === "demanding-tone");
    expect(demand?.start).toBeGreaterThan(25_000);
  });
});

describe("Slack", () => {
  let h: SlackHarness;
  beforeAll(async () => {
    h = await startSlackHarness();
  });
  afterAll(async () => {
    await h.close();
  });

  test("/review-ask with a French draft answers that English drafts are reviewed for now", async () => {
    const cmd = slashCommand(h, FRENCH);
    expect((await cmd.send()).status).toBe(200);
    const reply = await h.fake.waitForResponse(cmd.responseId);
    const text = blocksText(reply.body.blocks);
    expect(text).toMatch(/I review English drafts for now/);
    expect(text).not.toMatch(/score 100\/100/);
  });
});

describe("Teams", () => {
  let t: TeamsBotUnderTest;
  beforeAll(async () => {
    t = await startTeamsBotUnderTest();
  });
  afterAll(async () => {
    await t.close();
  });

  test("a Japanese draft in a 1:1 chat gets the English-only answer", async () => {
    const ana = { id: "29:ana", name: "Ana", aadObjectId: "aad-ana-blind" };
    const message = personalMessage(t.connector, ana, JAPANESE);
    expect((await t.post(message)).status).toBe(200);
    const reply = await t.connector.waitFor((a) => a.method === "POST" && a.activityId === message.id);
    expect(cardText(cardOf(reply))).toMatch(/I review English drafts for now/);
  });
});
