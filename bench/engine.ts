/**
 * Engine speed on one core: reviews per second and p50/p99 latency per draft size, rewrite included.
 * Drafts are built from realistic sentences (asks, context, pressure, trades, outs) so every rule runs.
 */
import { review } from "../src/core/review";

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

export function draftOfLength(chars: number, seed = 0): string {
  let text = "";
  for (let i = seed; text.length < chars; i++) text += SENTENCES[i % SENTENCES.length] + (i % 4 === 3 ? "\n\n" : " ");
  return text.slice(0, chars);
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
}

export function benchEngine(): Array<{ chars: number; perSecond: number; p50: number; p99: number }> {
  const rows = [];
  for (const chars of [300, 1_000, 3_000, 30_000]) {
    const drafts = Array.from({ length: 12 }, (_v, i) => draftOfLength(chars, i));
    const iterations = chars >= 30_000 ? 60 : chars >= 3_000 ? 400 : 2_000;
    for (let i = 0; i < Math.min(50, iterations); i++) review(drafts[i % drafts.length]!); // warm-up
    const latencies: number[] = [];
    const start = process.hrtime.bigint();
    for (let i = 0; i < iterations; i++) {
      const t0 = process.hrtime.bigint();
      review(drafts[i % drafts.length]!);
      latencies.push(Number(process.hrtime.bigint() - t0) / 1e6);
    }
    const seconds = Number(process.hrtime.bigint() - start) / 1e9;
    latencies.sort((a, b) => a - b);
    rows.push({ chars, perSecond: iterations / seconds, p50: percentile(latencies, 50), p99: percentile(latencies, 99) });
  }
  console.log("engine (one core, rewrite included)");
  console.log("  chars    reviews/s   p50 ms   p99 ms");
  for (const r of rows) console.log(`  ${String(r.chars).padStart(6)}  ${r.perSecond.toFixed(0).padStart(10)}  ${r.p50.toFixed(3).padStart(7)}  ${r.p99.toFixed(3).padStart(7)}`);
  console.log("  targets: >= 2,000 reviews/s and p99 < 5 ms at 1,000 chars; 30,000 chars < 50 ms");
  return rows;
}

if (require.main === module) benchEngine();
