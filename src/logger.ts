import pino from "pino";

export type Logger = pino.Logger;

/**
 * Structured logs. Draft text and tokens never appear unless LOG_LEVEL=debug: callers log ids,
 * kinds and rule ids, and these paths are redacted as a second line of defence.
 */
export function createLogger(options: { level?: string; destination?: pino.DestinationStream } = {}): Logger {
  const level = options.level ?? "info";
  const redact = level === "debug" || level === "trace" ? [] : ["draft", "text", "token", "*.draft", "*.text", "*.token", "authorization", "*.authorization"];
  return pino({ level, redact: { paths: redact, censor: "[redacted]" }, base: undefined }, options.destination);
}
