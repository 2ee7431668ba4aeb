import type { ReminderDelivery } from "../core/ports";
import type { LocalTracker } from "../tracker/local";

/**
 * Builds the delivery for `askwell reminders run` from the environment: chat platforms deliver to
 * their own users and hand everyone else to `fallback`. Supplied by the entry point (adapters/cli.ts),
 * so nothing in src/ depends on a chat SDK.
 */
export type ReminderDeliveryFactory = (env: Record<string, string | undefined>, fallback: ReminderDelivery, local: LocalTracker) => Promise<ReminderDelivery>;

/** What a CLI command may touch, passed in so tests can drive commands in-process. */
export interface CliIo {
  stdin: NodeJS.ReadableStream & { isTTY?: boolean };
  stdout: NodeJS.WritableStream & { isTTY?: boolean };
  stderr: NodeJS.WritableStream;
  env: Record<string, string | undefined>;
  reminderDelivery?: ReminderDeliveryFactory;
}

/** Exit statuses, the same for every command (listed in `askwell --help`). */
export const EXIT = { ok: 0, failed: 1, badInput: 2, refused: 3 } as const;

/**
 * One running command: where it writes, and whether its caller reads JSON. In JSON modes an error is
 * also one `{"error": {"code", "message"}}` line on stdout, so a script never gets an empty answer.
 */
export interface CommandContext {
  io: CliIo;
  /** "review", "asks add"…: the prefix of every message. */
  path: string;
  json: boolean;
}

export function fail(ctx: CommandContext, code: string, message: string, exit: number = EXIT.badInput): number {
  ctx.io.stderr.write(`askwell ${ctx.path}: ${message}\n`);
  if (ctx.json) ctx.io.stdout.write(JSON.stringify({ error: { code, message } }) + "\n");
  return exit;
}

export function printJson(ctx: CommandContext, value: unknown): number {
  ctx.io.stdout.write(JSON.stringify(value, null, 2) + "\n");
  return EXIT.ok;
}

export async function readAll(stream: NodeJS.ReadableStream): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(typeof chunk === "string" ? Buffer.from(chunk) : (chunk as Buffer));
  return Buffer.concat(chunks).toString("utf8");
}
