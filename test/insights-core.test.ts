/**
 * The team's figures from counters, as pure functions: what one review adds, how a month's view is
 * built (verdicts, most frequent findings with their titles, rewrites, follow-ups, the "Not applicable"
 * rate per rule), and the words every surface shows.
 */
import { eventsOfReview, insightsReport, monthOf, monthRange, parseMonth, recentMonths, ruleTitle, tally, type InsightCount } from "../src/core/insights";
import { review } from "../src/core/review";
import { RULES } from "../src/core/engine/rules";
import { RULE_IDS } from "../src/core/types";
import { insightsSections, renderInsightsText } from "../src/render/insights";

const counts = (entries: Array<[InsightCount["metric"], string, number]>): InsightCount[] => entries.map(([metric, detail, count]) => ({ metric, detail, count }));

test("every rule has a human title in the rule table", () => {
  expect(RULES.map((r) => r.id).sort()).toEqual([...RULE_IDS].sort());
  for (const rule of RULES) expect(rule.title).toMatch(/^[A-Z][^`]{3,45}$/);
  expect(ruleTitle("no-timeline")).toBe("No time frame");
});

test("a review adds its verdict, each of its rules once, and whether it offered a rewrite — nothing else", () => {
  const result = review("Hi Dana, could you introduce me to Sam at Acme? I need you to do it ASAP.");
  const events = eventsOfReview(result);
  expect(events[0]).toEqual({ metric: "review", detail: result.verdict });
  expect(events.filter((e) => e.metric === "finding").map((e) => e.detail).sort()).toEqual([...new Set(result.findings.map((f) => f.rule))].sort());
  expect(events.some((e) => e.metric === "rewrite-offered")).toBe(result.rewrite !== null);
  expect(JSON.stringify(events)).not.toMatch(/Dana|Acme|ASAP/);
  expect(tally([...events, ...events]).find((c) => c.metric === "review")).toEqual({ metric: "review", detail: result.verdict, count: 2 });
});

test("months are UTC, validated, and listed newest first across a year's end", () => {
  expect(monthOf(new Date("2030-01-31T23:59:59Z"))).toBe("2030-01");
  expect(monthOf(new Date("2030-02-01T00:00:00Z"))).toBe("2030-02");
  expect(parseMonth(" 2030-12 ")).toBe("2030-12");
  for (const bad of ["2030-13", "2030-1", "30-01", "2030-00", "2030/01", "", "2030-01; drop table"]) expect(parseMonth(bad)).toBeNull();
  expect(monthRange("2030-12")).toEqual({ start: new Date("2030-12-01T00:00:00Z"), end: new Date("2031-01-01T00:00:00Z") });
  expect(recentMonths("2031-02", 4)).toEqual(["2031-02", "2031-01", "2030-12", "2030-11"]);
});

describe("a month's report", () => {
  const report = insightsReport(
    "2030-03",
    counts([
      ["review", "ready", 4],
      ["review", "revise", 5],
      ["review", "dont-send", 1],
      ["review", "bogus", 7],
      ["finding", "no-timeline", 6],
      ["finding", "no-graceful-out", 3],
      ["finding", "repeat-follow-up", 1],
      ["finding", "too-long", 2],
      ["finding", "no-such-rule", 9],
      ["rewrite-offered", "", 6],
      ["rewrite-used", "", 2],
      ["follow-up-sent", "", 3],
      ["silence-means-no", "", 2],
    ]),
    { "no-timeline": 4, "too-long": 1, "no-direct-contact": 2, "made-up": 5, "no-graceful-out": 5 },
  );

  test("reviews by verdict, findings most frequent first with titles, rewrites, follow-ups", () => {
    expect(report.reviews).toEqual({ total: 10, byVerdict: { ready: 4, revise: 5, "dont-send": 1, "not-an-ask": 0 } });
    expect(report.findings).toEqual([
      { rule: "no-timeline", title: "No time frame", count: 6 },
      { rule: "no-graceful-out", title: "No easy way to say no", count: 3 },
      { rule: "too-long", title: "Too long", count: 2 },
      { rule: "repeat-follow-up", title: "A second follow-up", count: 1 },
    ]);
    expect(report.rewrites).toEqual({ offered: 6, used: 2 });
    expect(report.followUps).toEqual({ sent: 3, advisedAgainst: 3, silenceMeansNo: 2, repeatFollowUp: 1 });
  });

  test("the Not applicable rate per rule: clicks over findings shown, at most 100%, no rate without findings; often dismissed from 3 clicks and half", () => {
    expect(report.notApplicable).toEqual([
      { rule: "no-graceful-out", title: "No easy way to say no", clicks: 5, findings: 3, rate: 1, oftenDismissed: true },
      { rule: "no-timeline", title: "No time frame", clicks: 4, findings: 6, rate: 4 / 6, oftenDismissed: true },
      { rule: "too-long", title: "Too long", clicks: 1, findings: 2, rate: 0.5, oftenDismissed: false },
      { rule: "no-direct-contact", title: "No direct contact details", clicks: 2, findings: 0, rate: null, oftenDismissed: false },
    ]);
  });

  test("in words: the same sections on every surface", () => {
    const text = renderInsightsText(report);
    expect(text).toMatch(/^What the team learns: March 2030\n/);
    expect(text).toContain("10 reviews: 4 ready to send, 5 to revise, 1 don't send, 0 not an ask");
    expect(text).toContain("1. No time frame (`no-timeline`): 6");
    expect(text).toContain("6 offered, 2 used (33%)");
    expect(text).toContain("3 sent, 3 advised against (2 “silence means no” reminders, 1 review of a second follow-up)");
    expect(text).toContain("No time frame (`no-timeline`): 4 clicks on 6 findings (67%) — often marked not applicable");
    expect(text).toContain("No direct contact details (`no-direct-contact`): 2 clicks on no finding counted this month");
    expect(insightsSections(report).map((s) => s.heading)).toEqual(["Reviews", "Most frequent findings", "Rewrites", "Follow-ups", "“Not applicable” per rule"]);
  });

  test("an empty month says so", () => {
    const empty = renderInsightsText(insightsReport("2030-04", [], {}));
    expect(empty).toContain("No reviews counted this month.");
    expect(empty).toContain("No findings this month.");
    expect(empty).toContain("0 offered, 0 used\n");
    expect(empty).toContain("No “Not applicable” clicks this month.");
  });
});
