import { parseArgs, type ParseArgsConfig } from "node:util";
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

export type CliCommand = {
  name: string;
  summary: string;
  /** Returns the process exit code. Must not throw for bad input: print a clear message and return non-zero. */
  run(args: string[], io: CliIo): Promise<number>;
};

type Options = NonNullable<ParseArgsConfig["options"]>;

/**
 * Parses a command's options (plus -h/--help) and positionals; on a bad option prints the reason
 * and the command's help to stderr and returns null (the command then exits 2).
 */
export function parseCommandLine<O extends Options>(command: string, help: string, io: CliIo, args: string[], options: O) {
  try {
    return parseArgs({ args, allowPositionals: true, options: { ...options, help: { type: "boolean", short: "h" } } as O & { help: { type: "boolean"; short: "h" } } });
  } catch (error) {
    io.stderr.write(`askwell ${command}: ${error instanceof Error ? error.message : String(error)}\n\n${help}\n`);
    return null;
  }
}

export async function readAll(stream: NodeJS.ReadableStream): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(typeof chunk === "string" ? Buffer.from(chunk) : (chunk as Buffer));
  return Buffer.concat(chunks).toString("utf8");
}

/**
 * Writes and resolves once the stream has handed the text on (to the kernel, for a pipe): a reminder is
 * only recorded as delivered after that, so a runner killed with output still buffered loses nothing.
 */
export function writeFlushed(stream: NodeJS.WritableStream, text: string): Promise<void> {
  return new Promise((resolve, reject) => {
    stream.write(text, (error?: Error | null) => (error ? reject(error) : resolve()));
  });
}
