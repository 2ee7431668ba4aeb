import { review } from "../src/core/review";
import { checkRewrite, extractFacts, type RewriteFailure } from "../src/core/rewrite-check";

const draft = "Hi Dana, we worked together at Acme. Could you introduce me to Sam Lee at Northwind? I'd like his advice on pricing this month.";
const good = "Hi Dana,\n\nI hope all is well since our Acme days. Could you introduce me to Sam Lee at Northwind? I'd like his advice on pricing this month. No worries at all if not.";

const codes = (failures: RewriteFailure[]) => failures.map((f) => (f.code === "rule" ? f.rule : f.code === "added-fact" || f.code === "dropped-fact" ? `${f.code}:${f.fact}:${f.value}` : f.code));

describe("checkRewrite (verification of a model rewrite)", () => {
  const first = review(draft);

  it("the draft is an intro request the rules want revised (no graceful out)", () => {
    expect(first.kind).toBe("intro_request");
    expect(first.verdict).toBe("revise");
    expect(first.findings.map((f) => f.rule)).toContain("no-graceful-out");
  });

  it("passes a faithful rewrite with a graceful out", () => {
    expect(checkRewrite(draft, first, good)).toEqual([]);
  });

  it("rejects a rewrite that invents an e-mail address", () => {
    const rewrite = good.replace("this month.", "this month; you can reach me at sam@example.com.");
    expect(codes(checkRewrite(draft, first, rewrite))).toEqual(["added-fact:email:sam@example.com"]);
  });

  it("rejects a rewrite that invents a person's name", () => {
    const rewrite = good.replace("I'd like", "Priya Shah suggested I ask; I'd like");
    expect(codes(checkRewrite(draft, first, rewrite))).toEqual(["added-fact:name:priya", "added-fact:name:shah"]);
  });

  it("rejects a rewrite that invents a number, a URL or a mention", () => {
    const rewrite = good.replace("this month.", "before the 15th, see https://cal.example.com and <@U0NEW1>.");
    expect(codes(checkRewrite(draft, first, rewrite)).sort()).toEqual(["added-fact:mention:<@u0new1>", "added-fact:number:15", "added-fact:url:https://cal.example.com"]);
  });

  it("rejects a rewrite with six body sentences (too-long)", () => {
    const six = "Hi Dana,\n\nI hope you are well. We worked together at Acme. Could you introduce me to Sam Lee at Northwind? I'd like his advice on pricing. It would help this month. No worries if not.";
    expect(codes(checkRewrite(draft, first, six))).toContain("too-long");
  });

  it("rejects a rewrite with no graceful out, or one that makes demands", () => {
    const noOut = good.replace(" No worries at all if not.", "");
    expect(codes(checkRewrite(draft, first, noOut))).toContain("no-graceful-out");
    const demanding = good.replace("Could you introduce", "I need you to introduce").replace("?", " ASAP.");
    expect(codes(checkRewrite(draft, first, demanding))).toContain("demanding-tone");
  });

  it("rejects a rewrite that drops the draft's people or organisations, or is no longer an ask", () => {
    expect(codes(checkRewrite(draft, first, good.replace(" at Northwind", "")))).toEqual(["dropped-fact:name:northwind"]);
    expect(codes(checkRewrite(draft, first, "READY"))).toContain("not-an-ask");
    expect(codes(checkRewrite(draft, first, "  "))).toEqual(["empty"]);
  });

  it("keeps bracketed placeholders out of the facts, and keeps chat mentions and links", () => {
    const withMention = "Hi <@U123ABC>, could you introduce me to Sam at Northwind? Write me at dana@acme.io or see <https://acme.io/deck|our deck>.";
    const facts = extractFacts(withMention + " [by when] [Their Name]");
    expect([...facts.mention]).toEqual(["<@u123abc>"]);
    expect([...facts.email]).toEqual(["dana@acme.io"]);
    expect([...facts.url]).toEqual(["https://acme.io/deck"]);
    expect([...facts.names].sort()).toEqual(["northwind", "sam"]);
  });

  it("lets a rewrite drop a link and a product name that only served a pitch", () => {
    const pitch = "Hi Maya, I enjoyed your talk on data contracts at QCon. Our tool Linta automates schema checks; book a demo at https://linta.io/demo this week.";
    const pitchReview = review(pitch);
    expect(pitchReview.findings.map((f) => f.rule)).toContain("premature-pitch");
    const rewrite = "Hi Maya,\n\nI enjoyed your talk on data contracts at QCon. Would you be open to a short chat this week about how your team handles schema checks? No worries at all if now isn't a good time.";
    expect(checkRewrite(pitch, pitchReview, rewrite)).toEqual([]);
    // ...but not one the draft never had.
    expect(codes(checkRewrite(pitch, pitchReview, rewrite.replace("short chat", "short chat at https://cal.example.com/maya")))).toEqual(["added-fact:url:https://cal.example.com/maya"]);
  });
});
