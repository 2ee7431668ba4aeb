/** House rules as data: the same engine, a team's policy passed in, and notes where it changed the advice. */
import { applyPolicyEdit, DEFAULT_HOUSE_RULES, houseFollowUpPolicy, type HouseRules } from "../src/core/house-rules";
import { DEFAULT_FOLLOW_UP_POLICY, reminderFor } from "../src/core/follow-up-policy";
import { enforceHouseRules, review } from "../src/core/review";
import { parseHouseRules } from "../src/team/policy-schema";

const INTRO = "Hi Dana, we worked together at Acme. Could you introduce me to Sam Ortiz at Globex? I'd like his advice on pricing. If it's not a good fit, no worries at all.";
const PUSHY = "Hi Dana, we worked together at Acme. Introduce me to Sam Ortiz at Globex ASAP, I need his advice on pricing. If it's not a good fit, no worries at all.";
const LONG = "Hi Dana, we worked together at Acme last year on the billing rewrite. Could you introduce me to Sam Ortiz at Globex? I'm moving into pricing. Sam wrote the guide I keep rereading. I'd value twenty minutes of his advice. I can share my notes beforehand. If it's not a good fit, no worries at all.";

const policy = (changes: Partial<HouseRules>): HouseRules => ({ ...DEFAULT_HOUSE_RULES, ...changes });
const rules = (draft: string, p?: HouseRules) => review(draft, p ? { policy: p } : {}).findings.map((f) => f.rule);

test("the default policy reviews exactly as the contract does, with no house notes", () => {
  for (const draft of [INTRO, PUSHY, LONG]) expect(review(draft, { policy: DEFAULT_HOUSE_RULES })).toEqual(review(draft));
});

test("a rule turned off no longer fires, and the review says a house rule changed the advice", () => {
  expect(rules(INTRO)).toContain("no-timeline");
  const result = review(INTRO, { policy: policy({ rules: { "no-timeline": "off" } }) });
  expect(result.findings.map((f) => f.rule)).not.toContain("no-timeline");
  expect(result.house).toEqual([expect.objectContaining({ rule: "no-timeline", change: "off" })]);
  expect(result.summary).not.toContain("no-timeline");
});

test("a rule turned off that would not have fired leaves no note", () => {
  const result = review(INTRO, { policy: policy({ rules: { "quid-pro-quo": "off" } }) });
  expect(result.house).toBeUndefined();
});

test("a warning downgraded to a tip no longer asks for a revision", () => {
  const before = review(PUSHY);
  expect(before.findings.find((f) => f.rule === "demanding-tone")?.severity).toBe("warn");
  const after = review(PUSHY, { policy: policy({ rules: { "demanding-tone": "tip" } }) });
  expect(after.findings.find((f) => f.rule === "demanding-tone")?.severity).toBe("tip");
  expect(after.house).toContainEqual(expect.objectContaining({ rule: "demanding-tone", change: "tip" }));
  expect(after.score).toBeGreaterThan(before.score);
});

test("the body-sentence limit moves too-long both ways, and the message names the team's limit", () => {
  expect(rules(LONG)).toContain("too-long");
  const relaxed = review(LONG, { policy: policy({ maxBodySentences: 8 }) });
  expect(relaxed.findings.map((f) => f.rule)).not.toContain("too-long");
  expect(relaxed.house).toContainEqual(expect.objectContaining({ rule: "too-long", change: "limit" }));
  expect(rules(INTRO)).not.toContain("too-long");
  const strict = review(INTRO, { policy: policy({ maxBodySentences: 3 }) });
  const tooLong = strict.findings.find((f) => f.rule === "too-long");
  expect(tooLong?.message).toMatch(/3 sentences or fewer \(your team's limit\)/);
  expect(tooLong?.start).not.toBeNull();
  expect(tooLong?.end).toBe(INTRO.length);
});

test("team phrases are pointed at, case-insensitively, as whole words", () => {
  const p = policy({ phrases: [{ phrase: "circle back", message: "Say what you need instead." }, { phrase: "pick your brain", message: "Ask one concrete question." }] });
  const draft = "Hi Dana, we met at the Acme offsite. Could I pick  your BRAIN about pricing next week? Happy to Circle back later; no worries if not.";
  const result = review(draft, { policy: p });
  const phrases = result.house!.filter((n) => n.change === "phrase");
  expect(phrases.map((n) => draft.slice(n.start!, n.end!))).toEqual(["Circle back", "pick  your BRAIN"]);
  expect(phrases[0]!.message).toBe("“Circle back”: Say what you need instead.");
  expect(review("Let's encircle backward compatibility, no worries.", { policy: p }).house?.some((n) => n.change === "phrase")).toBeFalsy();
});

test("a review made without the house rules (a model's) is brought under them", () => {
  const unruled = review(PUSHY);
  const p = policy({ rules: { "demanding-tone": "off", "no-timeline": "off" }, phrases: [{ phrase: "ASAP", message: "Give a date instead." }] });
  const enforced = enforceHouseRules(unruled, PUSHY, p);
  expect(enforced.findings.map((f) => f.rule)).toEqual(unruled.findings.map((f) => f.rule).filter((r) => r !== "demanding-tone" && r !== "no-timeline"));
  expect(enforced.verdict).toBe(review(PUSHY, { policy: p }).verdict);
  const dropped = unruled.findings.filter((f) => f.rule === "demanding-tone" || f.rule === "no-timeline").map((f) => f.rule);
  expect(dropped).toContain("demanding-tone");
  expect(enforced.house?.filter((n) => n.change === "off").map((n) => n.rule)).toEqual(dropped);
  expect(enforced.house?.filter((n) => n.change === "phrase")).toHaveLength(1);
  expect(enforceHouseRules(unruled, PUSHY, undefined)).toBe(unruled);
});

test("edits are validated and described; the stored form is checked with zod", () => {
  expect(applyPolicyEdit(DEFAULT_HOUSE_RULES, { type: "limit", key: "maxBodySentences", value: 9 })).toMatchObject({ ok: false, message: expect.stringMatching(/from 3 to 8/) });
  expect(applyPolicyEdit(DEFAULT_HOUSE_RULES, { type: "phrase-remove", phrase: "nope" })).toMatchObject({ ok: false });
  const added = applyPolicyEdit(DEFAULT_HOUSE_RULES, { type: "phrase-add", phrase: "  circle   back ", message: "Say what you need." });
  expect(added).toMatchObject({ ok: true, value: { phrases: [{ phrase: "circle back" }] } });
  expect(parseHouseRules({ maxBodySentences: 2 })).toMatchObject({ ok: false, problems: [expect.stringMatching(/^maxBodySentences/)] });
  expect(parseHouseRules({ rules: { "not-a-rule": "off" } }).ok).toBe(false);
  expect(parseHouseRules({})).toEqual({ ok: true, value: DEFAULT_HOUSE_RULES });
});

test("the follow-up wait and the reminder cap shape the reminders", () => {
  const sentAt = new Date("2030-01-07T10:00:00Z");
  const pending = { state: "pending" as const, sentAt, followedUpAt: null, timeZone: null };
  const followed = { state: "followed_up" as const, sentAt, followedUpAt: new Date("2030-01-15T10:00:00Z"), timeZone: null };
  const fast = houseFollowUpPolicy(DEFAULT_FOLLOW_UP_POLICY, policy({ followUpAfterDays: 3 }));
  expect(reminderFor(pending, fast)?.dueAt.toISOString()).toBe("2030-01-10T10:00:00.000Z");
  expect(reminderFor(pending, DEFAULT_FOLLOW_UP_POLICY)?.dueAt.toISOString()).toBe("2030-01-14T10:00:00.000Z");
  expect(reminderFor(followed, houseFollowUpPolicy(DEFAULT_FOLLOW_UP_POLICY, policy({ reminderCap: 1 })))).toBeNull();
  expect(reminderFor(pending, houseFollowUpPolicy(DEFAULT_FOLLOW_UP_POLICY, policy({ reminderCap: 0 })))).toBeNull();
  expect(reminderFor(followed, houseFollowUpPolicy(DEFAULT_FOLLOW_UP_POLICY, policy({ reminderCap: 2 })))?.type).toBe("silence_means_no");
});
