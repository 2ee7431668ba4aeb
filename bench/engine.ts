/**
 * Engine speed on one core, rewrite included: unique drafts (no sentence repeats, so the engine's
 * caches never help, as with real traffic) and, for comparison, twelve fixed drafts cycled (caches
 * hit); write-good on the same unique drafts in the same run; drafts built to make patterns
 * backtrack. Figures only, never pass/fail: the machine is shared and noisy.
 */
import writeGood from "write-good";
import { review } from "../src/core/review";
import { ADVERSARIAL } from "./adversarial";
import { uniqueDraft } from "./drafts";

const SENTENCES = [
  "Hi Dana, hope the new role at Brightwave is treating you well!",
  "Since we worked together on the Halvorsen rollout last year, I figured you'd be the right person to ask.",
  "Could you introduce me to Tessa Okafor at Northgate so I can ask about their partner program?",
  "I need you to send her a note today, it's urgent.",
  "If you do, I'll happily write you a LinkedIn recommendation in return.",
  "I saw your profile and wanted to add you to my professional network.",
  "Our platform cuts onboarding time by 40% and plans start at $99 per month.",
  "If LinkedIn asks for my email when you accept, just use jamie.lund@example.com.",
  "We could compare notes on the rollout data, which might be useful for your team.",
  "Sometime in the next two weeks would be ideal, and no worries at all if not.",
  "You can reach me on 555-0147 or at <https://example.com/cv|my CV> if that helps.",
  "<@U03KQ7ZP2> thanks again for the feedback on my pitch deck at the founders' breakfast :wave:",
];

/** One of twelve fixed drafts (cycled by the repeated-drafts run). */
export function draftOfLength(chars: number, seed = 0): string {
  let text = "";
  for (let i = seed; text.length < chars; i++) text += SENTENCES[i % SENTENCES.length] + (i % 4 === 3 ? "\n\n" : " ");
  return text.slice(0, chars);
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
}

export interface Timing {
  chars: number;
  /** Reviews per CPU-second of this process (per core), and per wall-clock second. */
  perCpuSecond: number;
  perSecond: number;
  p50: number;
  p99: number;
}

/** Runs `work` on every draft, timing each call; CPU time counts this process only. */
function time(chars: number, drafts: readonly string[], work: (text: string) => unknown): Timing {
  const latencies: number[] = [];
  const cpu = process.cpuUsage();
  const start = process.hrtime.bigint();
  for (const draft of drafts) {
    const t0 = process.hrtime.bigint();
    work(draft);
    latencies.push(Number(process.hrtime.bigint() - t0) / 1e6);
  }
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  const used = process.cpuUsage(cpu);
  latencies.sort((a, b) => a - b);
  return { chars, perCpuSecond: drafts.length / ((used.user + used.system) / 1e6), perSecond: drafts.length / seconds, p50: percentile(latencies, 50), p99: percentile(latencies, 99) };
}

/** Each adversarial draft should review within this (the issue's target; figures only, never a failure). */
const ADVERSARIAL_TARGET_MS = 100;

const COUNTS: Record<number, number> = { 300: 2_000, 1_000: 2_000, 3_000: 600, 10_000: 200, 30_000: 60, 50_000: 40 };
/** Unique drafts never repeat across sizes either: each size takes its own seeds. */
const uniqueDrafts = (chars: number): string[] => Array.from({ length: COUNTS[chars]! }, (_v, i) => uniqueDraft(chars, chars * 10 + i));

function printTable(title: string, rows: Timing[]): void {
  console.log(title);
  console.log("  chars   reviews/cpu-s   reviews/s    p50 ms    p99 ms   ms/kB (p50)");
  for (const r of rows)
    console.log(
      `  ${String(r.chars).padStart(6)}  ${r.perCpuSecond.toFixed(0).padStart(13)}  ${r.perSecond.toFixed(0).padStart(10)}  ${r.p50.toFixed(3).padStart(8)}  ${r.p99.toFixed(3).padStart(8)}  ${((r.p50 * 1000) / r.chars).toFixed(3).padStart(11)}`,
    );
}

export function benchEngine(): { unique: Timing[]; repeated: Timing[]; writeGood: Timing; adversarial: Array<{ name: string; ms: number }> } {
  for (let i = 0; i < 50; i++) review(uniqueDraft(1_000, 1e6 + i)); // warm-up: patterns compiled, models decoded, code optimised

  const unique = [1_000, 3_000, 10_000, 30_000, 50_000].map((chars) => time(chars, uniqueDrafts(chars), review));
  printTable("engine, unique drafts (one core, rewrite included, no sentence repeats)", unique);

  const repeated = [300, 1_000, 3_000, 30_000].map((chars) => {
    const fixed = Array.from({ length: 12 }, (_v, i) => draftOfLength(chars, i));
    return time(chars, Array.from({ length: COUNTS[chars]! }, (_v, i) => fixed[i % fixed.length]!), review);
  });
  printTable("\nengine, twelve fixed drafts cycled (caches hit)", repeated);

  const wg = time(1_000, uniqueDrafts(1_000), writeGood);
  console.log("\nwrite-good on the same unique 1,000-character drafts (knows none of our rules)");
  console.log(`  ${wg.perCpuSecond.toFixed(0)} drafts/cpu-s, p50 ${wg.p50.toFixed(3)} ms, p99 ${wg.p99.toFixed(3)} ms`);

  console.log("\nadversarial drafts of 49,000 characters (best of 3, ms)");
  const adversarial = Object.entries(ADVERSARIAL).map(([name, generate]) => {
    const text = generate(49_000);
    const runs = [0, 1, 2].map(() => time(49_000, [text], review).p50);
    return { name, ms: Math.min(...runs) };
  });
  for (const a of adversarial) console.log(`  ${a.name.padEnd(28)} ${a.ms.toFixed(1).padStart(8)}${a.ms >= ADVERSARIAL_TARGET_MS ? "   over target" : ""}`);
  const slowest = [...adversarial].sort((a, b) => b.ms - a.ms).slice(0, 3);
  const over = adversarial.filter((a) => a.ms >= ADVERSARIAL_TARGET_MS);
  console.log(`  worst: ${slowest.map((a) => `${a.name} ${a.ms.toFixed(1)} ms`).join(", ")}`);
  console.log(`  over ${ADVERSARIAL_TARGET_MS} ms: ${over.length ? over.map((a) => a.name).join(", ") : "none"} (of ${adversarial.length} drafts)`);

  console.log("\n  targets: unique 1,000 chars >= 2,000 reviews/cpu-s and p99 < 5 ms; 30,000 chars < 50 ms;");
  console.log("           ms/kB flat from 1,000 to 50,000 chars; every adversarial draft < 100 ms");
  return { unique, repeated, writeGood: wg, adversarial };
}

if (require.main === module) benchEngine();
