import { parseLlmConfig } from "../config/llm";
import { loadPrompts, reviewMessages } from "../llm/prompts";
import { parseBatchLine, readBatchLines } from "./batch-input";
import { parseCommandLine, type CliCommand } from "./io";

const HELP = `Usage: askwell prompts render --jsonl [--system-once] < drafts.jsonl

Writes, for each {"id": "...", "text": "..."} line of standard input, the exact
chat messages the model would receive for that draft:
  {"id": "...", "messages": [{"role": "system", ...}, {"role": "user", ...}]}
A draft the model would not be sent (over LLM_MAX_DRAFT_CHARS) gets
{"id": "...", "skipped": "..."}; a bad line gets {"id": ..., "error": "..."}.

Options:
  --system-once  write the system prompt (the same for every draft) once, as the
                 first line {"system": "..."}, and only the user message per draft
  -h, --help     show this help

The templates come from PROMPTS_DIR (default: the repository's prompts/).`;

export const promptsCommand: CliCommand = {
  name: "prompts",
  summary: "render the model's messages per draft: render --jsonl [--system-once] < drafts.jsonl",
  async run(args, io) {
    const parsed = parseCommandLine("prompts", HELP, io, args, { jsonl: { type: "boolean" }, "system-once": { type: "boolean" } });
    if (!parsed) return 2;
    const [sub] = parsed.positionals;
    if (parsed.values.help || sub !== "render" || !parsed.values.jsonl) {
      io.stdout.write(HELP + "\n");
      return parsed.values.help ? 0 : 2;
    }
    // The same settings a review reads (a placeholder key: rendering calls no model).
    const settings = parseLlmConfig({ ...io.env, OPENAI_API_KEY: "render" })!;
    const prompts = loadPrompts(settings.promptsDir);
    const systemOnce = !!parsed.values["system-once"];
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
    return 0;
  },
};
