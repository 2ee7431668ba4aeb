/** What `askwell review --ask <id>` needs: the history of a tracked ask, for the engine's history rules. */
import type { Result } from "../errors";
import type { AskStore } from "../core/ask-store";
import { followUpsLogged, sameAskWindowStart } from "../core/history";
import type { Owner } from "../core/ports";
import type { ReviewContext } from "../core/types";

export async function loadReviewContext(store: AskStore, owner: Owner, askId: string, now: Date): Promise<Result<ReviewContext>> {
  try {
    const ask = await store.findAsk(owner, askId);
    if (!ask) return { ok: false, code: "not_found", message: `There is no ask ${askId} of yours.` };
    const recipients = await store.countRecipientsOfSameAsk(owner, ask.kind, ask.fingerprint, sameAskWindowStart(now), now);
    return { ok: true, value: { history: { followUpsLogged: followUpsLogged(ask), recipientsOfSameAskLast14Days: recipients } } };
  } catch (error) {
    return { ok: false, code: "storage_unavailable", message: `The ask store is unavailable: ${error instanceof Error ? error.message : String(error)}` };
  }
}
