/** Kept apart from the zod-based parsers so that code which only catches it does not load zod. */

/** Thrown at start-up for a missing or malformed variable: names it and says how to fix it. */
export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Configuration problem${problems.length > 1 ? "s" : ""}:\n  - ${problems.join("\n  - ")}`);
    this.name = "ConfigError";
  }
}
