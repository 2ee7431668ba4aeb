/**
 * The gate in front of Bolt on `POST /slack/events` (HTTP mode): a request is handled only when it is
 * signed with the app's secret, its timestamp is within ±5 minutes of now (Bolt refuses only stale
 * ones), it was not seen before (a captured request replayed inside the window), and its body has the
 * shape Bolt relies on. Anything else gets an immediate, short answer instead of a 3-second hang.
 */
import { createHash, createHmac, timingSafeEqual } from "node:crypto";
import { parse as parseQuery } from "node:querystring";
import express, { type Express, type Request, type Response, type NextFunction } from "express";
import { z } from "zod";
import type { Logger } from "../../src/logger";
import type { SeenRequests } from "../../src/storage/seen-requests";

export const SLACK_EVENTS_ROUTE = "/slack/events";
/** Slack's own rule: a request more than five minutes away from now is refused, early or late. */
export const MAX_CLOCK_SKEW_SECONDS = 5 * 60;
/** A signature can only be replayed while its timestamp is accepted: remember it a little longer than that. */
const SIGNATURE_MEMORY_MS = 2 * MAX_CLOCK_SKEW_SECONDS * 1000 + 60_000;

const withUser = z.looseObject({ user: z.looseObject({ id: z.string().min(1) }) });
/** Interactive payloads by type; other types pass through to Bolt as they are. */
const payloadShapes: Record<string, z.ZodType> = {
  block_actions: withUser.extend({ actions: z.array(z.looseObject({ action_id: z.string() })).min(1) }),
  view_submission: withUser.extend({ view: z.looseObject({ callback_id: z.string(), state: z.looseObject({ values: z.record(z.string(), z.unknown()) }) }) }),
  view_closed: withUser.extend({ view: z.looseObject({ callback_id: z.string() }) }),
  message_action: withUser.extend({ callback_id: z.string(), message: z.looseObject({}) }),
  shortcut: withUser.extend({ callback_id: z.string() }),
};
const slashCommand = z.looseObject({ command: z.string().min(1), user_id: z.string().min(1), team_id: z.string().min(1), text: z.string() });
const eventEnvelope = z.looseObject({ type: z.string().min(1) });
const eventCallback = z.looseObject({ type: z.literal("event_callback"), event_id: z.string().min(1), event: z.looseObject({ type: z.string().min(1) }) });

/** Null when the body is something Bolt can dispatch; else why not. */
export function malformedSlackBody(raw: string, contentType: string | undefined): string | null {
  try {
    if ((contentType ?? "").startsWith("application/x-www-form-urlencoded")) {
      const form = parseQuery(raw);
      if (form.ssl_check !== undefined) return null;
      if (typeof form.payload === "string") {
        const payload = z.looseObject({ type: z.string().min(1) }).safeParse(JSON.parse(form.payload));
        if (!payload.success) return "an interactive payload needs a type";
        const shape = payloadShapes[payload.data.type];
        return !shape || shape.safeParse(payload.data).success ? null : `a ${payload.data.type} payload is missing fields`;
      }
      return slashCommand.safeParse(form).success ? null : "a command needs command, user_id, team_id and text";
    }
    const body: unknown = JSON.parse(raw);
    const envelope = eventEnvelope.safeParse(body);
    if (!envelope.success) return "an event needs a type";
    if (envelope.data.type === "event_callback" && !eventCallback.safeParse(body).success) return "an event_callback needs event_id and an event with a type";
    return null;
  } catch {
    return "the body is not valid JSON";
  }
}

function header(req: Request, name: string): string | undefined {
  const value = req.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

function validSignature(secret: string, timestamp: string, body: Buffer, signature: string): boolean {
  const expected = Buffer.from(`v0=${createHmac("sha256", secret).update(`v0:${timestamp}:`).update(body).digest("hex")}`);
  const given = Buffer.from(signature);
  return given.length === expected.length && timingSafeEqual(given, expected);
}

export interface SlackRequestGuardOptions {
  signingSecret: string;
  /** The shared record of handled requests; null (no database) skips the replay check. */
  seen: SeenRequests | null;
  logger: Logger;
  /** The wall clock (Slack signs with real time). */
  now?: () => Date;
}

/** Mounts the gate on `app` ahead of Bolt's receiver (call before the receiver is created). */
export function mountSlackRequestGuard(app: Express, options: SlackRequestGuardOptions): void {
  const now = options.now ?? (() => new Date());
  const refuse = (res: Response, status: number, reason: string) => {
    options.logger.warn({ status, reason }, "slack: request refused");
    res.status(status).json({ error: reason });
  };
  app.post(SLACK_EVENTS_ROUTE, express.raw({ type: () => true, limit: "1mb" }), async (req: Request, res: Response, next: NextFunction) => {
    const body = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
    const timestamp = header(req, "x-slack-request-timestamp") ?? "";
    const signature = header(req, "x-slack-signature") ?? "";
    const seconds = /^\d{1,12}$/.test(timestamp) ? Number(timestamp) : NaN;
    const at = now();
    if (Number.isNaN(seconds) || !signature) return refuse(res, 401, "missing or malformed signature headers");
    if (Math.abs(at.getTime() / 1000 - seconds) > MAX_CLOCK_SKEW_SECONDS) return refuse(res, 401, "request timestamp is more than 5 minutes from now");
    if (!validSignature(options.signingSecret, timestamp, body, signature)) return refuse(res, 401, "invalid signature");
    const problem = malformedSlackBody(body.toString("utf8"), header(req, "content-type"));
    if (problem) return refuse(res, 400, problem);
    if (options.seen) {
      try {
        const key = `slack-signature:${createHash("sha256").update(signature).digest("hex")}`;
        if (!(await options.seen.firstSighting(key, at, SIGNATURE_MEMORY_MS))) {
          // Acknowledged, so a sender that really did resend does not retry; nothing is handled twice.
          options.logger.warn({ timestamp: seconds }, "slack: replayed request ignored");
          res.status(200).end();
          return;
        }
      } catch (error) {
        // Storage down: handle the request rather than drop it (a duplicate beats a lost review).
        options.logger.warn({ err: error instanceof Error ? error.message : String(error) }, "slack: replay check unavailable");
      }
    }
    // Bolt reads the body from here instead of the (already consumed) stream, and verifies it again.
    (req as Request & { rawBody?: Buffer }).rawBody = body;
    next();
  });
}
