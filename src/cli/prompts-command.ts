import type { Command } from "commander";
import { parseBatchLine, readBatchLines } from "./batch-input";
import { EXIT, fail, type CommandContext } from "./io";
import { action, subcommand, type ProgramState } from "./program";

const DESCRIPTION = `Writes, for each {"id": "...", "text": "..."} line of standard input, the exact
chat messages the model would receive for that draft:
  {"id": "...", "messages": [{"role": "system", ...}, {"role": "user", ...}]}
A draft the model would not be sent (over LLM_MAX_DRAFT_CHARS) gets
{"id": "...", "skipped": "..."}; a bad line gets {"id": ..., "error": "..."}.
The templates come from PROMPTS_DIR (default: the repository's prompts/).`;

async function render(ctx: CommandContext, options: { jsonl?: boolean; systemOnce?: boolean }): Promise<number> {
  const { io } = ctx;
  if (!options.jsonl) return fail(ctx, "usage", "render writes JSON Lines: askwell prompts render --jsonl < drafts.jsonl");
  const { parseLlmConfig } = await import("../config/llm.js");
  const { loadPrompts, reviewMessages } = await import("../llm/prompts.js");
  // The same settings a review reads (a placeholder key: rendering calls no model).
  const settings = parseLlmConfig({ ...io.env, OPENAI_API_KEY: "render" })!;
  const prompts = loadPrompts(settings.promptsDir);
  const systemOnce = !!options.systemOnce;
  const out: string[] = systemOnce ? [JSON.stringify({ system: prompts.system(), promptVersion: prompts.version })] : [];
  for (const line of await readBatchLines(io.stdin)) {
    const item = parseBatchLine(line);
    if ("error" in item) out.push(JSON.stringify(item));
    else if (item.text.length > settings.maxDraftChars) out.push(JSON.stringify({ id: item.id, skipped: `longer than LLM_MAX_DRAFT_CHARS (${settings.maxDraftChars}): the model is not asked` }));
    else {
      const messages = reviewMessages(prompts, item.text);
      out.push(JSON.stringify({ id: item.id, messages: systemOnce ? messages.filter((m) => m.role !== "system") : messages }));
    }
  }
  io.stdout.write(out.length ? out.join("\n") + "\n" : "");
  return EXIT.ok;
}

export function definePromptsCommand(program: Command, state: ProgramState): void {
  const prompts = subcommand(program, "prompts", "prompts", state)
    .summary("render the model's messages per draft: render --jsonl [--system-once] < drafts.jsonl")
    .description("The model's prompts, as it would receive them.");
  subcommand(prompts, "render", "prompts render", state)
    .summary("write the messages the model would receive, one JSON line per draft (--jsonl [--system-once] < drafts.jsonl)")
    .description(DESCRIPTION)
    .option("--jsonl", "read {\"id\", \"text\"} lines from standard input, write one line per draft")
    .option("--system-once", "write the system prompt (the same for every draft) once, as the first line {\"system\": \"...\"}")
    .action(action(state, "prompts render", (ctx, _args, options: { jsonl?: boolean; systemOnce?: boolean }) => render(ctx, options)));
}
