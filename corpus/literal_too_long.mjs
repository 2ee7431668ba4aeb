// too-long is countable: set it from the spec's counting (the shared scorer's reference counter), and the verdict with it.
import { countSentences } from "/work/shared/eval/score.mjs";
import { readFileSync, writeFileSync } from "node:fs";
const SEV = { "quid-pro-quo": "blocker", "no-first-hand-basis": "blocker", "repeat-follow-up": "blocker", "no-timeline": "tip", "no-direct-contact": "tip" };
const ORDER = ["quid-pro-quo","no-first-hand-basis","repeat-follow-up","no-graceful-out","generic-template","no-shared-context","no-specifics","unclear-intent","no-value-for-recipient","premature-pitch","demanding-tone","too-long","email-workaround","mass-blast","no-timeline","no-direct-contact"];
for (const f of process.argv.slice(2)) {
  let changed = 0;
  const out = readFileSync(f, "utf8").split("\n").filter((l) => l.trim()).map((l) => {
    const r = JSON.parse(l);
    if (r.kind === "other") return JSON.stringify(r);
    const long = countSentences(r.text) > 5;
    if (long !== r.flags.includes("too-long")) changed++;
    const flags = new Set(r.flags.filter((x) => x !== "too-long")); if (long) flags.add("too-long");
    r.flags = ORDER.filter((x) => flags.has(x));
    r.verdict = r.flags.some((x) => SEV[x] === "blocker") ? "dont-send" : r.flags.some((x) => !SEV[x]) ? "revise" : "ready";
    return JSON.stringify(r);
  });
  writeFileSync(f, out.join("\n") + "\n");
  console.log(f, "too-long set by the spec's counting on", changed, "drafts");
}
