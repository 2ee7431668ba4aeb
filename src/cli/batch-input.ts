import { StringDecoder } from "node:string_decoder";
import { MAX_REVIEWED_CHARS } from "../core/review";

/** Longest draft accepted; all of it is reviewed, longer text is refused with a clear message rather than silently cut. */
export const MAX_DRAFT_CHARS = MAX_REVIEWED_CHARS;

export type BatchItem = { id: string; text: string } | { id: string | null; error: string };

/** One `{"id": "...", "text": "..."}` line of a batch (other fields ignored); a bad line is a value naming the problem. */
export function parseBatchLine(line: string): BatchItem {
  if (!line.trim()) return { id: null, error: 'empty line: expected an object with a string "id" and a string "text"' };
  let parsed: unknown;
  try {
    parsed = JSON.parse(line);
  } catch {
    return { id: null, error: "not valid JSON" };
  }
  // Checked by hand, not with zod: `askwell review --jsonl` then never loads it.
  const fields = parsed && typeof parsed === "object" && !Array.isArray(parsed) ? (parsed as { id?: unknown; text?: unknown }) : {};
  const id = typeof fields.id === "string" || typeof fields.id === "number" ? String(fields.id) : null;
  const usableId = typeof fields.id === "string" || Number.isFinite(fields.id);
  if (id === null || !usableId || typeof fields.text !== "string") return { id, error: 'expected an object with a string "id" and a string "text"' };
  if (fields.text.length > MAX_DRAFT_CHARS) return { id, error: `text is longer than ${MAX_DRAFT_CHARS} characters` };
  return { id, text: fields.text };
}

/**
 * The lines of standard input, in order, each as soon as it has arrived (memory holds one line, not the
 * input); a blank line is kept (it gets its own answer, so results stay aligned with inputs).
 */
export async function* batchLines(stdin: NodeJS.ReadableStream): AsyncGenerator<string> {
  const decoder = new StringDecoder("utf8");
  let pending = "";
  for await (const chunk of stdin) {
    pending += typeof chunk === "string" ? chunk : decoder.write(chunk as Buffer);
    let end: number;
    while ((end = pending.indexOf("\n")) >= 0) {
      yield withoutCarriageReturn(pending.slice(0, end));
      pending = pending.slice(end + 1);
    }
  }
  pending += decoder.end();
  if (pending) yield pending;
}

const withoutCarriageReturn = (line: string): string => (line.endsWith("\r") ? line.slice(0, -1) : line);

/** All the lines of standard input at once, for commands whose output needs the whole batch. */
export async function readBatchLines(stdin: NodeJS.ReadableStream): Promise<string[]> {
  const lines: string[] = [];
  for await (const line of batchLines(stdin)) lines.push(line);
  return lines;
}
