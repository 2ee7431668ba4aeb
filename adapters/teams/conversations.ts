/**
 * Where a proactive reminder goes: the 1:1 conversation reference saved when the user first talked to
 * the bot (or installed it), kept in the tracker's per-user settings. A user who has only ever used
 * the bot in channels gets a "contact" instead, from which a 1:1 chat can be opened.
 */
import { TurnContext, type Activity, type BotAdapter, type ConversationReference } from "botbuilder";
import { z } from "zod";
import type { Owner } from "../../src/core/ports";
import type { Logger } from "../../src/logger";
import type { TrackerService } from "../../src/tracker/tracker-service";

export const CONVERSATION_KEY = "teams.conversation";
export const CONTACT_KEY = "teams.contact";

const referenceSchema = z.looseObject({
  serviceUrl: z.string().url(),
  channelId: z.string().min(1),
  conversation: z.looseObject({ id: z.string().min(1) }),
  bot: z.looseObject({ id: z.string().min(1) }).optional(),
  user: z.looseObject({ id: z.string().min(1) }).optional(),
});

const contactSchema = z.object({
  serviceUrl: z.string().url(),
  channelId: z.string().min(1),
  tenantId: z.string().min(1),
  userId: z.string().min(1),
  botId: z.string().min(1),
});
export type TeamsContact = z.infer<typeof contactSchema>;

export type ReachableBy = { reference: Partial<ConversationReference> } | { contact: TeamsContact };

/** How to open a 1:1 chat with the user of this activity (wherever it came from): null when the activity lacks an id. */
export function contactFrom(activity: Activity, owner: Owner): TeamsContact | null {
  const contact = contactSchema.safeParse({ serviceUrl: activity.serviceUrl, channelId: activity.channelId, tenantId: owner.workspaceId, userId: activity.from?.id, botId: activity.recipient?.id });
  return contact.success ? contact.data : null;
}

/** Audience for opening a 1:1 chat; with authentication disabled botbuilder ignores it. */
const BOT_FRAMEWORK_AUDIENCE = "https://api.botframework.com";

/** Runs `send` in the user's 1:1 chat with the bot: through the saved reference, or in a chat opened from a contact. */
export async function inPersonalChat(adapter: BotAdapter, appId: string, reachable: ReachableBy, send: (context: TurnContext) => Promise<void>): Promise<void> {
  if ("reference" in reachable) {
    await adapter.continueConversationAsync(appId, reachable.reference, send);
    return;
  }
  const { contact } = reachable;
  await adapter.createConversationAsync(
    appId,
    contact.channelId,
    contact.serviceUrl,
    BOT_FRAMEWORK_AUDIENCE,
    { isGroup: false, bot: { id: contact.botId, name: "" }, members: [{ id: contact.userId, name: "" }], tenantId: contact.tenantId, channelData: { tenant: { id: contact.tenantId } } },
    send,
  );
}

export class TeamsConversations {
  /** What this process already stored, so a busy user costs one write, not one per message. */
  private readonly saved = new Set<string>();

  constructor(
    private readonly tracker: TrackerService,
    private readonly now: () => Date,
    private readonly logger: Logger,
  ) {}

  /** Saves how to reach the user later. Never fails the turn: a storage problem is logged. */
  async remember(owner: Owner, context: TurnContext): Promise<void> {
    const activity = context.activity;
    const personal = activity.conversation?.conversationType === "personal";
    const key = personal ? CONVERSATION_KEY : CONTACT_KEY;
    const value: unknown = personal ? TurnContext.getConversationReference(activity) : contactFrom(activity, owner);
    if (value === null) return;
    const memo = `${owner.workspaceId}/${owner.userId}/${key}/${JSON.stringify(value)}`;
    if (this.saved.has(memo)) return;
    try {
      // A channel contact is only a fallback: never let it stand in for a 1:1 reference we already have.
      if (!personal && (await this.find(owner)) !== null) {
        this.saved.add(memo);
        return;
      }
      const result = await this.tracker.putUserSetting(owner, key, value, this.now());
      if (!result.ok) throw new Error(result.code);
      this.saved.add(memo);
    } catch (error) {
      this.logger.warn({ err: error instanceof Error ? error.message : String(error), tenant: owner.workspaceId }, "teams: could not save how to reach the user");
    }
  }

  /** How to reach the user, or null. Throws when storage is down (a reminder then waits for a later run). */
  async find(owner: Owner): Promise<ReachableBy | null> {
    const stored = await this.tracker.getUserSetting(owner, CONVERSATION_KEY);
    if (!stored.ok) throw new Error(`teams: conversation lookup failed (${stored.code})`);
    const reference = referenceSchema.safeParse(stored.value);
    if (reference.success) return { reference: reference.data as unknown as Partial<ConversationReference> };
    const contactSetting = await this.tracker.getUserSetting(owner, CONTACT_KEY);
    if (!contactSetting.ok) throw new Error(`teams: contact lookup failed (${contactSetting.code})`);
    const contact = contactSchema.safeParse(contactSetting.value);
    return contact.success ? { contact: contact.data } : null;
  }
}
