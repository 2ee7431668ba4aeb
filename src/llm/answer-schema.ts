import { z } from "zod";

/** What the model must answer (sent as a strict JSON schema, then validated here again). */
export const ModelAnswerSchema = z.object({
  findings: z.array(
    z.object({
      rule: z.string(),
      quote: z.string().nullable(),
      message: z.string(),
      why: z.string(),
    }),
  ),
  rewrite: z.string(),
});

export type ModelAnswer = z.infer<typeof ModelAnswerSchema>;

export type AnswerProblem = "no-content" | "refused" | "truncated" | "malformed-json" | "schema";

/** Parses a completion's content; an invalid answer is a value, never a throw. */
export function parseAnswer(content: string | null | undefined, finishReason: string | null | undefined): { ok: true; answer: ModelAnswer } | { ok: false; problem: AnswerProblem } {
  if (finishReason === "length") return { ok: false, problem: "truncated" };
  if (!content) return { ok: false, problem: "no-content" };
  let json: unknown;
  try {
    json = JSON.parse(content);
  } catch {
    return { ok: false, problem: "malformed-json" };
  }
  const parsed = ModelAnswerSchema.safeParse(json);
  return parsed.success ? { ok: true, answer: parsed.data } : { ok: false, problem: "schema" };
}
