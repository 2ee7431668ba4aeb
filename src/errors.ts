/** An error with a stable code. Expected outcomes are returned as values; this is for the unexpected and the refused. */
export class AskwellError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly userMessage: string = message,
  ) {
    super(message);
    this.name = "AskwellError";
  }
}

/** A typed outcome for operations that may be refused (a state change, a lookup). */
export type Result<T, E extends string = string> = { ok: true; value: T } | { ok: false; code: E; message: string };

export const ok = <T>(value: T): Result<T, never> => ({ ok: true, value });
export const refused = <E extends string>(code: E, message: string): Result<never, E> => ({ ok: false, code, message });
