import { ErrorCode, type App } from "@slack/bolt";
import type { ExtendedErrorHandlerArgs } from "@slack/bolt/dist/App";
import type { Logger } from "../../src/logger";

const SORRY = "Sorry — something went wrong on Askwell's side and nothing was changed. Please try again in a minute.";
const NOT_INSTALLED = "Askwell isn't installed in this workspace (or its installation was removed). Ask a workspace admin to install it again.";

/**
 * The one top-level error handler of the Slack app: logs with context (ids, never text or tokens) and,
 * when the request came with a response_url, tells the user briefly and kindly.
 */
export function registerErrorHandler(bolt: App, logger: Logger): void {
  bolt.error(async ({ error, body, context }: ExtendedErrorHandlerArgs) => {
    const payload = (body ?? {}) as Record<string, unknown>;
    const user = typeof payload.user_id === "string" ? payload.user_id : (payload.user as { id?: string } | undefined)?.id;
    logger.error(
      { code: error.code, err: error.message, type: payload.type ?? payload.command ?? "event", team: context?.teamId, user, ...(logger.level === "debug" ? { stack: error.stack } : {}) },
      "slack: listener failed",
    );
    const responseUrl = typeof payload.response_url === "string" ? payload.response_url : undefined;
    if (!responseUrl) return;
    try {
      await fetch(responseUrl, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ response_type: "ephemeral", replace_original: false, text: error.code === ErrorCode.AuthorizationError ? NOT_INSTALLED : SORRY }),
      });
    } catch (replyError) {
      logger.warn({ err: replyError instanceof Error ? replyError.message : String(replyError) }, "slack: could not tell the user about the failure");
    }
  });
}
