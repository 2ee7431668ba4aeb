import { CardFactory, MessageFactory, type CloudAdapter, type TurnContext } from "botbuilder";
import type { DueReminder, ReminderDelivery } from "../../src/core/ports";
import { AskwellError } from "../../src/errors";
import type { Logger } from "../../src/logger";
import type { TrackerService } from "../../src/tracker/tracker-service";
import { reminderCard } from "./cards";
import { inPersonalChat, TeamsConversations } from "./conversations";

/**
 * Delivers reminders as proactive 1:1 messages. Throws when the user cannot be reached or the Bot
 * Connector keeps refusing (429/500 after botbuilder's own retries): the runner then keeps the
 * reminder for a later run, so it is neither lost nor sent twice.
 */
export function teamsReminderDelivery(deps: { adapter: CloudAdapter; appId: string; tracker: TrackerService; logger: Logger; now: () => Date }): ReminderDelivery {
  const conversations = new TeamsConversations(deps.tracker, deps.now, deps.logger);
  return {
    async deliver(reminder: DueReminder): Promise<void> {
      const owner = reminder.ask.owner;
      const reachable = await conversations.find(owner);
      if (!reachable) {
        throw new AskwellError("teams_unreachable", `teams: no conversation saved for the owner of ask ${reminder.ask.id}; it waits until they message the bot`);
      }
      const message = MessageFactory.attachment(CardFactory.adaptiveCard(reminderCard(reminder)));
      // The adapter's turn-error handler would swallow a failed send; keep it to rethrow after the turn.
      let failure: unknown = null;
      const send = async (context: TurnContext) => {
        try {
          await context.sendActivity(message);
        } catch (error) {
          failure = error ?? new Error("send failed");
        }
      };
      await inPersonalChat(deps.adapter, deps.appId, reachable, send);
      if (failure) throw failure;
      deps.logger.info({ reminderId: reminder.reminderId, type: reminder.type, tenant: owner.workspaceId }, "teams: reminder delivered");
    },
  };
}
