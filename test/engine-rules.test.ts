import { review } from "../src/core/review";
import type { RuleId } from "../src/core/types";

/** Paraphrases written for these tests (not taken from the shared corpus): each rule must fire on them... */
const FIRES: Record<RuleId, string[]> = {
  "quid-pro-quo": [
    "Hi Ana, we ran the Q3 launch together at Brightline. Could you write me a LinkedIn recommendation about it? I'll happily recommend you back. No worries if not.",
    "Hey Jo! Loved working with you on the Orbit migration. Endorse me for SQL and I'll endorse you for whatever you like. Totally fine to pass.",
    "Hi Sam, I wrote a recommendation on your profile yesterday for the Delta rollout we shipped, so would you mind writing one for me? No pressure.",
    "Hi Lee, how about we trade LinkedIn recommendations? We worked together on the billing revamp for two years. Feel free to say no.",
  ],
  "no-first-hand-basis": [
    "Hi Omar, I know we've never worked together, but would you write me a short recommendation about my data work? No worries if not.",
    "Hi Kim, we only met once at a conference, but could you endorse me for Python? Totally fine to decline.",
    "Hello Dr. Reyes, you don't really know my work, but would you be willing to act as a reference for the Halden project? I understand if not.",
  ],
  "repeat-follow-up": [
    "Hi Tom, following up again on the intro to Maya. No worries if it's a no.",
    "Hi Ruth, this is my third note about the reference request, sorry! Totally fine to pass.",
    "Hey Ben, I've pinged you a few times about the recommendation. If it's not a good time, no problem.",
  ],
  "no-graceful-out": [
    "Hi Dana, since we worked together at Acme, could you introduce me to Sam Lee at Northwind? I'd like his advice on pricing this month. My email is me@example.com.",
    "Hi Priya, just following up on my note about a reference for the Lyon role. Let me know.",
  ],
  "generic-template": [
    "Hi Marta, I came across your profile and would like to add you to my professional network.",
    "Hello, I'm looking to expand my professional network in fintech. Let's connect!",
  ],
  "no-shared-context": [
    "Hi Eva, could you introduce me to Jonas at Keel? I'd like to ask him about their hiring plans this month. No worries if not. me@example.com",
    "Hi Raj, I noticed you're connected with the CTO at Helix. Could you introduce me so I can pitch our tool? No pressure. me@example.com",
    "Hi Wen, you worked with Ana at Corvid, right? Would you introduce me to her so I can ask about the role before Friday? Totally fine if not. me@example.com",
  ],
  "no-specifics": [
    "Hi Jo, you managed me for three years at Pinegrove. Could you write me a LinkedIn recommendation? No worries if you're busy.",
  ],
  "unclear-intent": [
    "Hi Nia, great to see you at the summit last week. Could you introduce me to Paul Grant at Vesta? It could be mutually beneficial. No worries if not. me@example.com",
    "Hi Ola, since we worked together at Nordic, could you put me in touch with Eli at Fjord? I'd love to get on his radar before Friday. Feel free to say no. me@example.com",
  ],
  "no-value-for-recipient": [
    "Hi Tess, I read your post on remote onboarding last week. Could we grab a 20-minute call next week so I can pick your brain? No worries if not.",
  ],
  "premature-pitch": [
    "Hi Carl, loved your talk on warehouse automation at ProMat. Our platform cuts picking errors by 40% and plans start at $99 per month. Would you have 15 minutes this week? No pressure.",
    "Hi Mo, enjoyed your post on churn. Would love to connect, and happy to show you a quick demo of our retention tool!",
  ],
  "demanding-tone": [
    "Hey Rob, we worked together at Parallax. I need you to intro me to the CTO at Gridline so I can pitch him. Send him a note today.",
    "Hi Lena, you were my manager at Loomis, so you owe me a reference for the Hartwell role. No worries if not.",
    "Hi Greg, surely you've had time to write that recommendation by now? We ran the Atlas rollout together.",
  ],
  "too-long": [
    "Hi Mia, we worked together at Kite. I'm moving into product. Could you introduce me to Jay at Loop? I'd like his advice on the switch. Ideally this month. My email is mia@example.com. No worries if not.",
  ],
  "email-workaround": [
    "Hi Zoe, we met at the Lisbon meetup. If LinkedIn asks for my email when you accept, just use zoe.fan@example.com. Happy to share our survey results too.",
    "Hi Abe, great chatting at PyCon. LinkedIn capped my invites, so add me via my email instead, it skips the limit. Would be great to swap notes.",
  ],
  "mass-blast": [
    "Hi {{first_name}}, I'd love an intro to someone on your team who handles procurement, so I can ask how they evaluate vendors. No worries if not.",
    "Hey everyone! Could any of you introduce me to a hiring manager at Stripe? I'm looking for my next role. No pressure!",
    "Dear [First Name], I'd like to add you to my network. I'd be glad to share our research with you.",
  ],
  "no-timeline": [
    "Hi Nora, since we co-hosted the Data Ladies meetup, could you introduce me to Iris at Vanta so I can ask about their SOC 2 process? No worries if not. nora@example.com",
  ],
  "no-direct-contact": [
    "Hi Nora, since we co-hosted the Data Ladies meetup, could you introduce me to Iris at Vanta so I can ask about their SOC 2 process this month? No worries if not.",
  ],
};

/** ...and stay quiet on these near-misses. */
const QUIET: Record<RuleId, string[]> = {
  "quid-pro-quo": [
    "Hi Mel, since we ran the design guild together, could you introduce me to Joaquim? I'd like his advice on research ops. Happy to return the favor with an intro to anyone in my world. No worries if not.",
    "Hi Kofi, thanks for advising us through the pivot. Would you write a short quote about the churn drop you saw? We'd love it before we return from Berlin on the 14th. No pressure.",
  ],
  "no-first-hand-basis": [
    "Hi Yusuf, I know we haven't worked together since Brightline, but you managed me for two years there. Would you write me a recommendation about the onboarding revamp? No pressure.",
    "Hi Arvid, we've never met in person, but you reviewed every PR I wrote for 18 months. Would you recommend me for the idempotency rework? Fine to decline.",
    "Hi Ravi, since you co-led the SOC 2 audit with me, would you endorse me for risk assessment? Only if you feel you saw enough of it to vouch, no worries either way.",
  ],
  "repeat-follow-up": [
    "Hi Aoife, great to see you again at Friday's meetup! Just following up on my message about a reference for the Dublin role. No worries if not.",
    "Hi Layla, circling back on my note about an intro to Gareth. If it's not a good moment, I totally get it and I won't ask again.",
    "Hi Sam, sorry to bug you again about the intro to Clara. If you'd rather not, that's completely fine.",
  ],
  "no-graceful-out": [
    "Hi Leon, great seeing you at the running club. Would you introduce me to Marta so I can interview her before the 12th? If that's crossing a family line, a simple 'nope' is a perfectly good answer. 555-0118",
    "Hi Nikhil, resurfacing my ask from last week about the Fabrikam intro. If your answer is 'not my circus', that's a totally fair answer.",
    "Hi Isla, would you act as a referee given you supervised my placement on the permafrost project? If you're stretched thin this term, please don't hesitate to tell me.",
  ],
  "generic-template": [
    "Hi Farid, I saw your talk on accessible charts at CSV Conf and wanted to connect. Happy to share what we learn from our user tests.",
  ],
  "no-shared-context": [
    "Hi Sofia, remember when we worked together on the Kestrel migration? Could you intro me to Daniel by mid-March so I can ask about CFO work? No worries if not. maya@example.org",
    "Hi Marisol, I read your write-up on migrating Postgres to Aurora. I'd love to be a useful contact for you down the line. Open to connecting?",
  ],
  "no-specifics": [
    "Hi Anneke, Corvex asked me for a reference. Since you managed me for two years at Loomis, would you speak to them about the Halden expansion we closed together? If now's a bad time, I completely understand.",
  ],
  "unclear-intent": [
    "Hi Kemi, great to catch up at the mixer! Could you intro me to Sunil at Baobab before the 28th? We're raising a pre-seed round and I'd like to pitch him. No worries if not. 555-0175",
  ],
  "no-value-for-recipient": [
    "Hi Ottilie, I loved your thread on async standups. We're about to try the same thing and I'd be glad to send you our retro notes afterwards. Would you have 20 minutes this month? Just say no if you're busy.",
  ],
  "premature-pitch": [
    "Hi Tanvir, great meeting you at the career fair, your robotics capstone demo was the highlight. I recruit for hardware roles at Aldana and I'd like to stay connected and send openings your way.",
    "Hi Jaime, saw your demo at the Flutter meetup. I maintain the sync plugin you mentioned and would love to hear what broke so we can fix it; could be a quick call next week. No worries if not.",
  ],
  "demanding-tone": [
    "Hi Ottilie, I loved your thread on async standups and I'd be glad to send you our notes. Would you have 20 minutes this month? Definitely not an ASAP thing, and if you're busy, just say no.",
    "Hi Ms. Okonkwo, you must get a lot of these, so I'll keep it short. I loved your keynote on skills-based hiring. Would you connect? Feel free to say no.",
    "Hi Ruth, lovely meeting you at Kai's wedding! I'm still waiting to hear back on a permit and would love 15 minutes with Amir to understand the process. Would you introduce us? No worries if not.",
    "Hi Iris, thanks for the shout-out at the all-hands. I want to make sure we have a retail voice on our board, so could you intro me to Cam before May 9? No worries if not.",
  ],
  "too-long": [
    "Hi Dr. Amari,\n\nThank you for supervising my thesis at Uppsala, e.g. the 3.5-hectare plots. I'm applying to Dr. Lindqvist's group (https://example.org/lab) and would love an introduction. I'd like to ask whether the project is funded. Sometime in the next two weeks would be ideal. If you don't know him well enough, I completely understand.\n\nWarm regards,\nSara",
  ],
  "email-workaround": [
    "Hi Dr. Kowalski, your paper on wastewater surveillance was cited in our grant review. We'd like to explore a data-sharing pilot this spring that could give you three years of case counts. My direct email is h.m@example.org if that's easier than LinkedIn. No worries if not.",
  ],
  "mass-blast": [
    "Hi Anika, I'm asking a handful of close teammates, not blasting everyone: would you endorse me for negotiation? We ran the Ridgeway rollout together. No need if it feels like a chore.",
    "Hi Rao, [how we know each other: where we met]. Could you introduce me to Lin at Osprey so I can ask about the role? No worries if not.",
    "<at>Dana</at> since you mentored me last year, would you introduce me to Victor at Contoso so I can ask about the partner program? No rush, and if it's not a fit just say so.",
  ],
  "no-timeline": [
    "Hi Kai, since we worked together at Drift, would you introduce me to Lu at Sable? I'd like her advice on pricing. No rush at all. No worries if not. kai@example.com",
    "Hi Paul, we met at the Oslo dinner. Would you introduce me to Ms. Yuen at your earliest convenience so I can ask about the fund? No worries if not. p@example.com",
  ],
  "no-direct-contact": [
    "Hi Matteo here, we met at the Nordic fintech dinner. Would you introduce me to Pernille so I can ask about the pilot this month? No worries if you'd rather not.\n\nBest,\nMatteo\nmatteo@example.com",
  ],
};

const rulesOf = (text: string) => review(text).findings.map((f) => f.rule);

describe("each rule fires on paraphrases of its pattern", () => {
  for (const [rule, texts] of Object.entries(FIRES) as Array<[RuleId, string[]]>) {
    test.each(texts)(`${rule}: %s`, (text) => {
      expect(rulesOf(text)).toContain(rule);
    });
  }
});

describe("each rule stays quiet on near-misses", () => {
  for (const [rule, texts] of Object.entries(QUIET) as Array<[RuleId, string[]]>) {
    test.each(texts)(`${rule}: %s`, (text) => {
      const result = review(text);
      expect(result.kind).not.toBe("other");
      expect(result.findings.map((f) => f.rule)).not.toContain(rule);
    });
  }
});

describe("tracked history", () => {
  const followUp = "Hi Ana, just checking in on my note about the intro to Sam. No worries if it's a no.";
  test("a logged follow-up makes any further follow-up a repeat", () => {
    expect(rulesOf(followUp)).not.toContain("repeat-follow-up");
    const result = review(followUp, { history: { followUpsLogged: 1, recipientsOfSameAskLast14Days: 1 } });
    expect(result.findings.map((f) => f.rule)).toContain("repeat-follow-up");
    expect(result.verdict).toBe("dont-send");
    expect(result.rewrite).toBeNull();
  });
  test("the same ask sent to five people in two weeks is a mass blast", () => {
    const ask = "Hi Dana, since we worked together at Acme, could you introduce me to Sam at Northwind so I can ask about pricing this month? No worries if not. me@example.com";
    expect(rulesOf(ask)).not.toContain("mass-blast");
    expect(review(ask, { history: { followUpsLogged: 0, recipientsOfSameAskLast14Days: 4 } }).findings.map((f) => f.rule)).not.toContain("mass-blast");
    expect(review(ask, { history: { followUpsLogged: 0, recipientsOfSameAskLast14Days: 5 } }).findings.map((f) => f.rule)).toContain("mass-blast");
  });
});
