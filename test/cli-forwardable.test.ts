/** `askwell review --forwardable`, driven through the real binary: the note for the double opt-in in text, JSON and JSONL. */
import { spawnSync } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { analyse } from "../src/core/engine/text";
import { extractFacts } from "../src/core/rewrite-check";

const BIN = join(__dirname, "..", "bin", "askwell.js");

function askwell(args: string[], input = "", home = mkdtempSync(join(tmpdir(), "askwell-fwd-"))) {
  const env: Record<string, string> = { PATH: process.env.PATH ?? "", HOME: home, DATABASE_URL: `sqlite:${join(home, "asks.db")}`, ASKWELL_USER: "jamie" };
  const result = spawnSync(process.execPath, [BIN, ...args], { cwd: home, env, input, encoding: "utf8" });
  return { code: result.status, out: result.stdout, err: result.stderr };
}

const INTRO = `Hi Marcus,

Since we worked together on the Halvorsen rollout, could you introduce me to Tessa Okafor at Brightwave? I'm exploring a move into developer relations and I'd love her advice on how she built her team. If you'd rather not, no worries at all. You can reach me at jamie.lund@example.com.

Thanks,
Jamie`;
const RECOMMENDATION = "Hi Dana, we worked together on the Acme launch for two years. Would you write me a short LinkedIn recommendation about the launch? No worries if you're too busy.";

test("--forwardable prints the review, then the note to forward, in the sender's words and with their address", () => {
  const { code, out, err } = askwell(["review", "--forwardable"], INTRO);
  expect({ code, err }).toEqual({ code: 0, err: "" });
  const [review, note] = out.split(/\n\nForwardable note — [^\n]*\n\n/);
  expect(review).toMatch(/introduction request, score \d+\/100/);
  expect(note).toBeDefined();
  const text = note!.split("\n").map((l) => l.replace(/^ {2}/, "")).join("\n").trim();
  expect(text.startsWith("Hi Tessa,")).toBe(true);
  expect(text).toContain("I'm Jamie, and I'm exploring a move into developer relations.");
  expect(text).toContain("Marcus and I worked together on the Halvorsen rollout.");
  expect(text).toContain("I'd love your advice on how you built your team.");
  expect(text).toMatch(/reach me at jamie\.lund@example\.com; if the timing isn't right, no pressure at all\./);
  expect(analyse(text).bodySentences.length).toBeLessThanOrEqual(5);
});

test("without --forwardable the review is unchanged: no note in text, no field in JSON", () => {
  expect(askwell(["review"], INTRO).out).not.toMatch(/Forwardable note/);
  expect(JSON.parse(askwell(["review", "--json"], INTRO).out)).not.toHaveProperty("forwardable");
});

test("--json --forwardable adds the note as `forwardable`; it adds no fact the draft lacks", () => {
  const result = JSON.parse(askwell(["review", "--json", "--forwardable"], INTRO).out);
  expect(result.kind).toBe("intro_request");
  expect(typeof result.forwardable).toBe("string");
  const draft = extractFacts(INTRO);
  const note = extractFacts(result.forwardable);
  expect([...note.email].every((e) => draft.email.has(e))).toBe(true);
  expect([...note.names].filter((n) => !draft.words.has(n))).toEqual([]);
  expect([...note.number]).toEqual([]);
});

test("other kinds get no note: null in JSON, a plain sentence in text", () => {
  expect(JSON.parse(askwell(["review", "--json", "--forwardable"], RECOMMENDATION).out)).toMatchObject({ kind: "recommendation_ask", forwardable: null });
  expect(askwell(["review", "--forwardable"], RECOMMENDATION).out).toMatch(/No forwardable note: this reads as a recommendation request, and the note is for introduction requests\.\n$/);
  expect(askwell(["review", "--forwardable", "Thanks for lunch!"]).out).toMatch(/No forwardable note: this doesn't read as a networking ask\./);
});

test("--jsonl --forwardable adds `forwardable` to each line (null for other kinds); plain --jsonl keeps the contract's lines", () => {
  const lines = [JSON.stringify({ id: "a", text: INTRO }), JSON.stringify({ id: "b", text: RECOMMENDATION }), "{not json"].join("\n") + "\n";
  const withNotes = askwell(["review", "--jsonl", "--forwardable"], lines).out.trim().split("\n").map((l) => JSON.parse(l));
  expect(withNotes.map((r) => r.id)).toEqual(["a", "b", null]);
  expect(withNotes[0].forwardable).toMatch(/^Hi Tessa,/);
  expect(withNotes[1].forwardable).toBeNull();
  expect(withNotes[2]).not.toHaveProperty("forwardable");
  const plain = askwell(["review", "--jsonl"], lines).out.trim().split("\n").map((l) => JSON.parse(l));
  expect(plain.some((r) => "forwardable" in r)).toBe(false);
  // The note is extra: the contract's fields are the same with and without it.
  expect(withNotes.map(({ forwardable: _note, ...rest }) => rest)).toEqual(plain);
});

test("the local house rules apply to the note: a limit of three sentences is kept", () => {
  const home = mkdtempSync(join(tmpdir(), "askwell-fwd-policy-"));
  expect(askwell(["policy", "set", "max-sentences", "3"], "", home).code).toBe(0);
  const result = JSON.parse(askwell(["review", "--json", "--forwardable"], INTRO, home).out);
  expect(analyse(result.forwardable).bodySentences.length).toBeLessThanOrEqual(3);
  expect(result.forwardable).toContain("jamie.lund@example.com");
});
