import { z } from "zod";
import { KINDS, RULE_IDS } from "../core/types";

const answerOf = <R extends z.ZodType<string>>(rule: R) =>
  z.object({
    kind: z.enum(KINDS),
    /** Why the draft is this kind, in a sentence; a "not an ask" without one does not replace the rules' kind. */
    reason: z.string(),
    findings: z.array(
      z.object({
        rule,
        quote: z.string().nullable(),
        message: z.string(),
        why: z.string(),
      }),
    ),
    /** Empty when the model's verdict needs no rewrite. */
    rewrite: z.string(),
  });

/** Sent to the model as a strict JSON schema: kinds and rule ids limited to the spec's. */
export const RequestedAnswerSchema = answerOf(z.enum(RULE_IDS));

/** What an answer is validated against: the kind must be the spec's; any rule id passes here and unknown ones are dropped when merged. */
export const ModelAnswerSchema = answerOf(z.string());

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
