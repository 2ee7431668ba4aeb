/**
 * `askwell review --jsonl` on a large batch of unique ~1 kB drafts, through the real binary: peak RSS
 * (target < 100 MB for 8,000 drafts), throughput and that every line got its answer. Input is written
 * as fast as the CLI reads it (with backpressure), as from a file or a pipe.
 *   BENCH_CLI_DRAFTS (default 8000).
 */
import { spawn } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { createInterface } from "node:readline";
import { uniqueDraft } from "./drafts";

const ROOT = join(__dirname, "..", "..");

export interface CliMemoryFigures {
  drafts: number;
  answered: number;
  seconds: number;
  peakRssMb: number;
}

export async function benchCliMemory(drafts = Number(process.env.BENCH_CLI_DRAFTS ?? 8000)): Promise<CliMemoryFigures> {
  const dir = mkdtempSync(join(tmpdir(), "askwell-bench-cli-"));
  const rssFile = join(dir, "peak-rss");
  try {
    // No database in the working directory: a first-time `askwell review`, as most batches are. The
    // binary runs by its shebang, as `askwell` and `npx askwell` run it, with the node flags it carries.
    const preload = `--require ${JSON.stringify(join(__dirname, "peak-rss.js"))}`;
    const env = { PATH: process.env.PATH ?? "", HOME: dir, ASKWELL_PEAK_RSS_FILE: rssFile, NODE_OPTIONS: preload };
    const started = performance.now();
    const child = spawn(join(ROOT, "bin", "askwell.js"), ["review", "--jsonl"], { cwd: dir, env, stdio: ["pipe", "pipe", "inherit"] });
    const exited = new Promise<number | null>((resolve) => child.on("close", resolve));
    let answered = 0;
    const counted = (async () => {
      for await (const line of createInterface({ input: child.stdout })) if (line.startsWith("{")) answered++;
    })();
    for (let i = 0; i < drafts; i++) {
      const line = JSON.stringify({ id: `d${i}`, text: uniqueDraft(1000, 100_000 + i) }) + "\n";
      if (!child.stdin.write(line)) await new Promise((resolve) => child.stdin.once("drain", resolve));
    }
    child.stdin.end();
    const code = await exited;
    await counted;
    if (code !== 0) throw new Error(`askwell review --jsonl exited with ${code}`);
    return { drafts, answered, seconds: (performance.now() - started) / 1000, peakRssMb: Number(readFileSync(rssFile, "utf8")) / 1024 };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export function printCliMemory(f: CliMemoryFigures): void {
  console.log(`askwell review --jsonl (real binary run by its shebang, unique ~1 kB drafts, start-up included)`);
  console.log(`  ${f.drafts} drafts → ${f.answered} answers in ${f.seconds.toFixed(1)} s (${(f.drafts / f.seconds).toFixed(0)}/s), peak RSS ${f.peakRssMb.toFixed(0)} MB (target < 100 MB)`);
}

if (require.main === module) {
  benchCliMemory().then(printCliMemory, (error: unknown) => {
    console.error(error instanceof Error ? error.message : String(error));
    process.exitCode = 1;
  });
}
