import { z } from "zod";
import { ConfigError } from "./config-error";

export { ConfigError };

export type Env = Record<string, string | undefined>;

/**
 * Parses one section of configuration from the environment with a zod schema whose keys are the
 * variable names. `hints` gives, per variable, what a good value looks like.
 */
export function parseSection<S extends z.ZodObject<z.ZodRawShape>>(schema: S, env: Env, hints: Partial<Record<keyof z.infer<S>, string>> = {}): z.infer<S> {
  const picked: Record<string, string | undefined> = {};
  for (const key of Object.keys(schema.shape)) {
    const value = env[key];
    picked[key] = value === undefined || value.trim() === "" ? undefined : value.trim();
  }
  const parsed = schema.safeParse(picked);
  if (parsed.success) return parsed.data;
  throw new ConfigError(
    parsed.error.issues.map((issue) => {
      const name = String(issue.path[0] ?? "?");
      const hint = (hints as Record<string, string | undefined>)[name];
      return `${name}: ${issue.message}${hint ? ` (expected ${hint})` : ""}`;
    }),
  );
}

/** "true"/"false"/"1"/"0"/"yes"/"no" → boolean, for env flags. */
export const envBoolean = z
  .enum(["true", "false", "1", "0", "yes", "no"], { message: "must be true or false" })
  .transform((v) => v === "true" || v === "1" || v === "yes");
