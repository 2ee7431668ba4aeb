import type { Owner, ReminderDelivery } from "../core/ports";
import type { LocalTracker } from "../tracker/local";

/** A delivery and the platforms whose users it can reach: a runner claims only those platforms' reminders. */
export interface PlatformDelivery {
  delivery: ReminderDelivery;
  platforms: Owner["platform"][];
}

/** The local platforms: the console and the CLI print their reminders to standard output. */
export const LOCAL_PLATFORMS: Owner["platform"][] = ["console", "cli"];

/**
 * Writes and resolves once the stream has handed the text on (to the kernel, for a pipe): a reminder is
 * only recorded as delivered after that, so a runner killed with output still buffered loses nothing.
 */
export function writeFlushed(stream: NodeJS.WritableStream, text: string): Promise<void> {
  return new Promise((resolve, reject) => {
    stream.write(text, (error?: Error | null) => (error ? reject(error) : resolve()));
  });
}

/**
 * Builds the delivery for `askwell reminders run` from the environment: chat platforms deliver to
 * their own users and hand everyone else to `fallback`. Supplied by the entry point (adapters/cli.ts),
 * so nothing in src/ depends on a chat SDK.
 */
export type ReminderDeliveryFactory = (env: Record<string, string | undefined>, fallback: ReminderDelivery, local: LocalTracker) => Promise<PlatformDelivery>;

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
