import { review } from "../src/core/review";
import { analyse } from "../src/core/engine/text";

const countSentences = (text: string) => analyse(text).bodySentences.length;

const findings = (text: string) => review(text).findings.map((f) => f.rule);

describe("rewrites of long, hard-wrapped e-mails", () => {
  const wrapped = [
    "Dear Ms. Okafor,",
    "",
    "My name is Tomas Reyes and I recently finished the analyst program at Halvorsen",
    "Energy, where I spent two years building gas trading models with Priya Nair's",
    "team in Houston.",
    "",
    "I am writing because I would very much like to be considered for the structuring",
    "position in your group, and I have attached my resume for your review.",
    "",
    "Outside work I coach a youth soccer team and I am learning Portuguese.",
    "Last spring I ran my first marathon in Austin.",
    "The weather was terrible but we finished.",
    "I also volunteer at the food bank on Saturdays.",
    "",
    "Best regards,",
    "Tomas",
  ].join("\n");

  test("a sentence the mail program wrapped over three lines comes back whole, with its names", () => {
    const result = review(wrapped);
    expect(result.rewrite).not.toBeNull();
    const rewrite = result.rewrite!;
    expect(rewrite).toContain("analyst program at Halvorsen Energy, where I spent two years building gas trading models with Priya Nair's team in Houston.");
    expect(rewrite).not.toMatch(/Halvorsen\.|Nair's\./);
  });

  test("the sentence naming what is asked for (a position, a resume) survives the cut", () => {
    const rewrite = review(wrapped).rewrite!;
    expect(rewrite).toMatch(/structuring position/);
    expect(rewrite).toMatch(/resume/);
    expect(countSentences(rewrite)).toBeLessThanOrEqual(5);
  });
});

describe("a template's sign-off slot", () => {
  const template = "Hi Dana,\n\nI saw the analyst opening at Northwind and my four years in logistics analytics make me a strong fit. Would you be open to a short call this week?\n\nBest regards,\n[Your Name]";

  test("the sign-off merge field does not come back, so the rewrite is not a mass mailing", () => {
    const result = review(template);
    expect(findings(template)).toContain("mass-blast");
    const rewrite = result.rewrite!;
    expect(rewrite).not.toMatch(/\[your name\]/i);
    expect(rewrite).toMatch(/Best regards,\s*$/);
    expect(findings(rewrite)).not.toContain("mass-blast");
  });
});

describe("a way out no reader can miss", () => {
  test.each([
    "If it's not a fit for you, feel free to say no.",
    "No worries at all if not.",
    "If you'd rather not, I completely understand.",
    "No hard feelings either way.",
  ])("%s: no-graceful-out never fires, however long the draft", (out) => {
    const filler = Array.from({ length: 12 }, (_, i) => `We shipped release ${i + 2} of the Harbor billing service with the payments team.`).join(" ");
    const draft = `Hi Sam,\n\nWe met at the Denver logistics meetup in May. ${filler} Could you introduce me to Lee Chen at Northwind? ${out}\n\nThanks,\nAlex`;
    expect(findings(draft)).not.toContain("no-graceful-out");
  });

  test("the rewrite adds one way out, never a pile of them", () => {
    const lines = Array.from({ length: 14 }, (_, i) => `As per my e-mail on the ${i + 2}th, we at SDL can support item ${i + 1} of your localisation programme.`);
    const draft = `Hello Mr. Lay,\n\n${lines.join("\n")}\nI'd appreciate the opportunity to meet your team next month.\n\nRegards,\nBrent`;
    const rewrite = review(draft).rewrite!;
    const outs = rewrite.match(/no worries|completely understand|feel free to say no|rather not|only follow-up|nudge again/gi) ?? [];
    expect(outs.length).toBeLessThanOrEqual(2);
    expect(countSentences(rewrite)).toBeLessThanOrEqual(5);
  });
});

describe("the rewrite's sign-off reads as one", () => {
  const body = "We met at the Denver logistics meetup in May, where you spoke about routing. Could you introduce me to Lee Chen at Northwind? No worries at all if not.";

  test("separators and attachment markers go from the sign-off", () => {
    const draft = `Hi Sam,\n\n${body}\n\nBest regards,\nGarry Henderson\n(403) 241-7293\n- Resume.doc\n_______`;
    const rewrite = review(draft).rewrite!;
    expect(rewrite.slice(rewrite.indexOf("Best regards,")).split("\n")).toEqual(["Best regards,", "Garry Henderson", "(403) 241-7293"]);
  });

  test("an unusual closing stays with the name on one line, so it is not counted as body sentences", () => {
    const draft = `Hola Miguel,\n\n${body}\n\nUn abrazo,\nDiego\n+52 81 5555 2190`;
    const rewrite = review(draft).rewrite!;
    expect(rewrite.trimEnd().split("\n").pop()).toBe("Un abrazo, Diego +52 81 5555 2190");
  });
});

describe("what a long business e-mail's rewrite keeps", () => {
  const signature = [
    "Dear Mr. Lay,",
    "",
    "My name is Dana Whitfield with Northgate Analytics in Dallas.",
    "We are working with the Houston Port Authority on its tariff filings this year.",
    "Our team has built forecasting models for four regional utilities since 2015.",
    "The models cut their forecasting error by a third in the first year.",
    "I would like to invite you to give the keynote at our energy forum on October 12.",
    "The forum brings together about two hundred executives from across the region.",
    "",
    "Dana Whitfield",
    "Northgate Analytics",
    "Tel: 214-555-0147.",
    "Fax: 214-555-0148.",
    "Cell: 214-555-0149.",
    "E-mail: dana@northgate.example.com",
    "This e-mail is confidential and intended only for the person to whom it is addressed.",
  ].join("\n");

  test("a signature's phone and fax lines and a legal footer never crowd out who is asking and what for", () => {
    const rewrite = review(signature).rewrite!;
    expect(rewrite).toMatch(/keynote/);
    expect(rewrite).toMatch(/Dana Whitfield with Northgate Analytics/);
    expect(rewrite).not.toMatch(/Fax:|Cell:|intended only for/);
    expect(rewrite).toContain("dana@northgate.example.com");
  });

  test("the sender's own request stands instead of a generic one", () => {
    const rewrite = review(signature).rewrite!;
    expect(rewrite).not.toMatch(/short call \[when suits you\]/);
  });

  test("contact lines give way to what the sender says; their addresses and links come back in one sentence each", () => {
    const draft = [
      "Hi Sam,",
      "",
      "I'm Lee Park, we met at the Austin data meetup in March.",
      "I'm applying for the analyst role at Brightwave and wondered if you'd refer me.",
      "I led the churn model rebuild at Halvorsen last year.",
      "It cut churn by eight percent.",
      "I also mentor two junior analysts there.",
      "I've been reading your posts on forecasting for a while.",
      "",
      "Web: https://lee.example.com/work",
      "Notes: https://lee.example.com/notes",
      "E-mail: lee@example.com",
      "Home e-mail: lee.park@example.org",
      "",
      "Thanks,",
      "Lee",
    ].join("\n");
    const rewrite = review(draft).rewrite!;
    for (const entity of ["https://lee.example.com/work", "https://lee.example.com/notes", "lee@example.com", "lee.park@example.org"]) expect(rewrite).toContain(entity);
    expect(rewrite).toMatch(/I'm Lee Park, we met at the Austin data meetup/);
    expect(rewrite).not.toMatch(/Web:|Notes:/);
    expect(rewrite.match(/You can reach me at/g)).toHaveLength(1);
    expect(rewrite.match(/For reference:/g)).toHaveLength(1);
    expect(countSentences(rewrite)).toBeLessThanOrEqual(5);
  });

  test("an initial or a month's abbreviation does not cut a sentence, and a joined sentence keeps its names' capitals", () => {
    const draft = [
      "Dear Ken,",
      "",
      "I have been researching Discover Communications, my dream company, for months.",
      "It is owned by Liberty Media, Cox Communications and John S. Hendricks, its founder.",
      "I will be in Houston on Oct. 25 for a board meeting.",
      "Hendricks spoke at our school last spring.",
      "If you know anyone there, I would greatly appreciate an introduction.",
      "The weather has been lovely here.",
      "My sister says hello.",
      "",
      "Love,",
      "Elizabeth",
    ].join("\n");
    const rewrite = review(draft).rewrite!;
    expect(rewrite).not.toMatch(/S;|Oct;/);
    expect(rewrite).not.toMatch(/; hendricks/);
  });
});

describe("completing a name the cut left in part", () => {
  test("a word inside another name is never swapped for a longer one from the signature", () => {
    const draft = [
      "Dear Mr Lay-",
      "",
      "Several years ago we met when you returned to the Navy Supply Corps School in Athens, Georgia to receive your Distinguished Alumni Award.",
      "My name is Bob Gregory and I am a retired Navy Supply Corps Captain, living in Athens.",
      "I am now the Vice President of the Navy Supply Corps Foundation and also direct the Distinguished Alumni Program.",
      "I have read Enron Corp. is considering building a gas powered power plant here in Athens-Clarke County.",
      "It could bring a lot of good press for both the plant and Enron.",
      "I have discussed your affiliation with Mayor Doc Eldridge.",
      "Would you be open to a short call?",
      "",
      "Bob Gregory",
      "CAPT, SC, USN (Ret)",
      "Vice President, Navy Supply Corps Foundation",
      "Distinguished Alumni Program",
    ].join("\n");
    const rewrite = review(draft).rewrite!;
    expect(rewrite).not.toMatch(/Foundation Distinguished|Program Supply|Gregory CAPT/);
  });
});
