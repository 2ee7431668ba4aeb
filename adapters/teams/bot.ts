/**
 * The Teams bot: Teams activities in, core calls, Adaptive Cards out. No coaching logic lives here.
 * Mentions in channels and group chats, any message in a 1:1 chat, typed commands (`help`, `list`,
 * `review-ask <draft>`), card actions (Action.Submit message-backs and `adaptiveCard/action` invokes),
 * and the install greeting.
 */
import { CardFactory, MessageFactory, TurnContext, type Activity, type ConversationReference } from "botbuilder";
import { describeState, OPEN_STATES } from "../../src/core/asks";
import type { Ask, Owner } from "../../src/core/ports";
import type { ReviewResult, RuleId } from "../../src/core/types";
import type { Logger } from "../../src/logger";
import { chunkText, forgetSummary } from "../../src/render/plain-text";
import type { ReviewService } from "../../src/review-service";
import type { TrackerErrorCode, TrackerService } from "../../src/tracker/tracker-service";
import { dismissedRules, isAskwellPayload, MAX_DRAFT_CHARS, verifyAction, type ActionPayload } from "./actions";
import { forgetCard, forwardableCard, HELP_TEXT, listCard, reviewCard, type AdaptiveCard } from "./cards";
import { contactFrom, inPersonalChat, TeamsConversations } from "./conversations";
import { forwardableNote } from "../../src/core/forwardable-note";
import { textWithoutBotMention } from "./mention";
import { ownerOf } from "./owner";
import { houseRulesCard } from "./house-rules-card";
import { insightsCard } from "./insights-card";
import { monthOf, parseMonth } from "../../src/core/insights";
import type { InsightsService } from "../../src/team/insights-service";
import type { HouseRules } from "../../src/core/house-rules";
import { parseHouseRules } from "../../src/team/policy-schema";
import { readPolicyForm } from "../../src/team/policy-input";
import { actorId, workspaceOf, type TeamService } from "../../src/team/team-service";
import { firstReview, reviewForSender } from "../first-review";
import type { PoolReview, ReviewPool } from "../review-pool";

export interface TeamsBotDeps {
  reviews: ReviewService;
  /** null when no database is configured: reviews work, tracking says it is not set up. */
  tracker: TrackerService | null;
  logger: Logger;
  now: () => Date;
  /** The bot's app id ("" when running unauthenticated): proactive updates are sent as this app. */
  appId: string;
  /** House rules and the connector notice; absent or null without a database. */
  team?: TeamService | null;
  /** The team's counters and monthly figures (`insights`, admins only); absent or null without a database. */
  insights?: InsightsService | null;
  /** ASKWELL_ADMINS: who may change the house rules and see the team's figures (`teams:<tenant>:<user>`); Teams tells a bot no admin roles. */
  admins?: readonly string[];
  /** The deployment's FOLLOW_UP_AFTER_DAYS, shown where the house rules keep the default. */
  followUpAfterDays?: number;
  /** Where the deterministic reviews run, time-limited, off the thread that answers Teams; absent or null: on it. */
  reviewPool?: ReviewPool | null;
}

type Command =
  | { type: "help" }
  | { type: "list" }
  | { type: "export" }
  | { type: "forget" }
  | { type: "policy" }
  | { type: "insights"; month: string | null }
  | { type: "review"; draft: string };

/** Teams caps a message near 28 KB: an export goes out in pieces this size. */
const EXPORT_CHUNK_CHARS = 20000;

export function parseCommand(text: string): Command {
  const trimmed = text.trim();
  const [first = "", ...rest] = trimmed.split(/\s+/);
  const word = first.toLowerCase().replace(/^\//, "");
  if (trimmed === "" || (word === "help" && rest.length === 0)) return { type: "help" };
  if (word === "list" && rest.length === 0) return { type: "list" };
  if (word === "export" && rest.length === 0) return { type: "export" };
  if (word === "forget" && rest.length === 0) return { type: "forget" };
  if (word === "policy" && (rest.length === 0 || (rest.length === 1 && rest[0]!.toLowerCase() === "show"))) return { type: "policy" };
  if (word === "insights" && rest.length <= 1) return { type: "insights", month: rest[0] ?? null };
  if (word === "review-ask") return { type: "review", draft: trimmed.slice(first.length).trim() };
  return { type: "review", draft: trimmed };
}

/** Teams sends message text with a little HTML: non-breaking spaces and entities. Mentions of other people stay. */
export function plainText(text: string): string {
  return text
    .replace(/<\/?(p|div|span)[^>]*>/gi, "")
    .replace(/<br\s*\/?>/gi, "\n")
    .replace(/&nbsp;/g, " ")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, "&")
    .trim();
}

const TRACKER_WORDS: Record<TrackerErrorCode, string> = {
  not_found: "I can't find that ask among yours.",
  refused_transition: "",
  invalid_time: "",
  invalid_input: "",
  storage_unavailable: "I couldn't reach my storage just now, so nothing was changed. Please try again in a minute.",
};

function trackerMessage(error: { code: TrackerErrorCode; message: string }): string {
  return TRACKER_WORDS[error.code] || error.message;
}

const cardMessage = (card: AdaptiveCard): Partial<Activity> => MessageFactory.attachment(CardFactory.adaptiveCard(card));

export class TeamsBot {
  private readonly pending = new Set<Promise<void>>();
  private readonly conversations: TeamsConversations | null;

  constructor(private readonly deps: TeamsBotDeps) {
    this.conversations = deps.tracker ? new TeamsConversations(deps.tracker, deps.now, deps.logger) : null;
  }

  /** The turn handler given to `CloudAdapter.process`. */
  readonly run = async (context: TurnContext): Promise<void> => {
    const activity = context.activity;
    switch (activity.type) {
      case "message":
        return this.onMessage(context);
      case "invoke":
        return this.onInvoke(context);
      case "conversationUpdate":
        return this.onConversationUpdate(context);
      case "installationUpdate":
        if ((activity as { action?: string }).action?.startsWith("add")) return this.greet(context);
        return;
      default:
        return;
    }
  };

  /** Resolves when background work (model improvements of posted cards) is done: for tests and shutdown. */
  async idle(): Promise<void> {
    while (this.pending.size > 0) await Promise.allSettled([...this.pending]);
  }

  private async onMessage(context: TurnContext): Promise<void> {
    const activity = context.activity;
    const owner = ownerOf(activity);
    if (!owner) {
      await context.sendActivity("I couldn't tell who sent that, so I left it alone.");
      return;
    }
    if (activity.value !== undefined && activity.value !== null) {
      const reply = await this.onAction(context, owner, activity.value);
      if (reply) await context.sendActivity(reply);
      return;
    }
    const personal = activity.conversation?.conversationType === "personal";
    const addressed = personal || (activity.entities ?? []).some((e) => e.type === "mention" && (e as { mentioned?: { id?: string } }).mentioned?.id === activity.recipient?.id);
    if (!addressed) return;
    await this.conversations?.remember(owner, context);

    const command = parseCommand(plainText(personal ? (activity.text ?? "") : textWithoutBotMention(activity)));
    switch (command.type) {
      case "help":
        await context.sendActivity(MessageFactory.text(HELP_TEXT, undefined, undefined));
        return;
      case "list":
        await this.sendList(context, owner);
        return;
      case "export":
        await this.sendExport(context, owner);
        return;
      case "forget":
        await context.sendActivity(cardMessage(forgetCard(owner)));
        return;
      case "policy":
        await context.sendActivity(await this.policyMessage(owner));
        return;
      case "insights":
        await context.sendActivity(await this.insightsMessage(owner, command.month));
        return;
      case "review":
        await this.reviewAndReply(context, owner, command.draft);
        return;
    }
  }

  private async onInvoke(context: TurnContext): Promise<void> {
    const activity = context.activity;
    if (activity.name !== "adaptiveCard/action") {
      await context.sendActivity({ type: "invokeResponse", value: { status: 501 } });
      return;
    }
    const owner = ownerOf(activity);
    const data = (activity.value as { action?: { data?: unknown } } | undefined)?.action?.data;
    const reply = owner ? await this.onAction(context, owner, data) : "I couldn't tell who pressed that, so I left it alone.";
    await context.sendActivity({
      type: "invokeResponse",
      value: { status: 200, body: { statusCode: 200, type: "application/vnd.microsoft.activity.message", value: reply ?? "Done." } },
    });
  }

  private async onConversationUpdate(context: TurnContext): Promise<void> {
    const activity = context.activity;
    const botAdded = (activity.membersAdded ?? []).some((member) => member.id === activity.recipient?.id);
    if (botAdded) await this.greet(context);
  }

  private async greet(context: TurnContext): Promise<void> {
    const owner = ownerOf(context.activity);
    if (owner && context.activity.conversation?.conversationType === "personal") await this.conversations?.remember(owner, context);
    await context.sendActivity(`👋 Hi! ${HELP_TEXT}`);
  }

  /** The tenant's house rules, read on every review so a change applies to the next one. */
  private async policyOf(owner: Owner): Promise<HouseRules | undefined> {
    return this.deps.team ? this.deps.team.policyFor(workspaceOf(owner)) : undefined;
  }

  /** The deterministic review with the tracked history, or why there is none (too complex to review in time). */
  private async review(owner: Owner, draft: string): Promise<PoolReview> {
    return (await reviewForSender(this.deps, owner, draft)).review;
  }

  private isAdmin(owner: Owner): boolean {
    return (this.deps.admins ?? []).includes(actorId(owner));
  }

  /** `policy`: the house rules card, editable by admins. */
  private async policyMessage(owner: Owner, note?: string): Promise<Partial<Activity>> {
    if (!this.deps.team) return MessageFactory.text("House rules need a database, and none is configured on this Askwell.");
    const current = await this.deps.team.currentPolicy(workspaceOf(owner));
    if (!current.ok) return MessageFactory.text(current.message);
    const options = { canEdit: this.isAdmin(owner), followUpDays: this.deps.followUpAfterDays ?? 7, ...(note ? { note } : {}) };
    return cardMessage(houseRulesCard(current.value.policy, current.value.version, owner, options));
  }

  /** `insights [YYYY-MM]`: the tenant's figures for a month, for admins only. */
  private async insightsMessage(owner: Owner, requested: string | null): Promise<Partial<Activity>> {
    if (!this.deps.insights) return MessageFactory.text("The team's figures need a database, and none is configured on this Askwell.");
    if (!this.isAdmin(owner)) {
      this.deps.logger.info({ tenant: owner.workspaceId, user: owner.userId }, "teams: insights refused (not an admin)");
      return MessageFactory.text("Only admins listed in ASKWELL_ADMINS can see the team's figures.");
    }
    const current = monthOf(this.deps.now());
    const month = requested === null ? current : parseMonth(requested);
    if (!month) return MessageFactory.text(`"${requested!.slice(0, 40)}" is not a month: type \`insights\` for this month, or \`insights ${current}\` for another one.`);
    const report = await this.deps.insights.report(workspaceOf(owner), month);
    if (!report.ok) return MessageFactory.text(report.message);
    return cardMessage(insightsCard(report.value, `Type \`insights YYYY-MM\` for another month (this one is ${current}).`));
  }

  /** "Save house rules": admins only, validated with zod, saved as a new version; the card shows the result. */
  private async savePolicy(context: TurnContext, owner: Owner, payload: ActionPayload): Promise<string | null> {
    const team = this.deps.team;
    if (!team) return "House rules need a database, and none is configured on this Askwell.";
    if (!this.isAdmin(owner)) {
      this.deps.logger.warn({ tenant: owner.workspaceId, user: owner.userId }, "teams: house rules change refused (not an admin)");
      return "Only admins listed in ASKWELL_ADMINS can change the house rules, so nothing was changed.";
    }
    const list = (value: string | undefined) => (value ?? "").split(",").map((v) => v.trim()).filter(Boolean);
    const read = readPolicyForm({
      off: list(payload.rulesOff),
      tip: list(payload.rulesTip),
      maxBodySentences: payload.maxSentences,
      followUpAfterDays: payload.followUpDays,
      reminderCap: payload.reminderCap,
      connectorThreshold: payload.connectorThreshold,
      phrases: payload.phrases ?? "",
    });
    if (!("candidate" in read)) return `Nothing was saved: ${read.problem}`;
    const parsed = parseHouseRules(read.candidate);
    if (!parsed.ok) return `Nothing was saved: ${parsed.problems.join("; ")}.`;
    const saved = await team.changePolicy(workspaceOf(owner), actorId(owner), [{ type: "replace", policy: parsed.value }], this.deps.now());
    if (!saved.ok) return saved.message;
    this.deps.logger.info({ tenant: owner.workspaceId, user: owner.userId, version: saved.value.version }, "teams: house rules changed");
    const note = `✅ Saved as version ${saved.value.version}: ${saved.value.change}. The next review in this workspace follows them.`;
    const cardId = context.activity.replyToId;
    if (cardId) {
      const updated = await this.policyMessage(owner, note);
      await context.updateActivity({ ...updated, id: cardId }).catch((error: unknown) => {
        this.deps.logger.warn({ err: error instanceof Error ? error.message : String(error) }, "teams: saved, but the card was not updated");
      });
    }
    return note;
  }

  /** A draft problem the user can fix, or null when the draft can be reviewed. */
  private draftProblem(draft: string): string | null {
    if (draft.trim() === "") return "Send me the draft you want reviewed, e.g. `review-ask Hi Dana, could you introduce me to Sam at Acme?…`";
    if (draft.length > MAX_DRAFT_CHARS) {
      return `That draft is ${draft.length.toLocaleString("en-US")} characters; I review up to ${MAX_DRAFT_CHARS.toLocaleString("en-US")}. A good ask fits in five sentences: trim it and send it again.`;
    }
    return null;
  }

  private async reviewAndReply(context: TurnContext, owner: Owner, draft: string): Promise<void> {
    const problem = this.draftProblem(draft);
    if (problem) {
      await context.sendActivity(problem);
      return;
    }
    const reviewed = await this.review(owner, draft);
    if (!reviewed.ok) {
      await context.sendActivity(reviewed.message);
      return;
    }
    const result = reviewed.value;
    const sent = await context.sendActivity(cardMessage(reviewCard(result, draft, owner)));
    if (sent?.id) this.improveLater(context, owner, draft, result, sent.id, []);
    else await this.deps.insights?.countReview(workspaceOf(owner), result, this.deps.now());
  }

  /**
   * Asks the model for a better review after the turn has ended (Teams wants its HTTP answer fast) and,
   * if there is one, updates the posted card in place through a proactive turn. Only a fresh review
   * (a new draft, an edit, a rewrite taken up) comes here, and here it is counted for the team's figures:
   * the verdict the person ends up with and its rule ids, never the text.
   */
  private improveLater(context: TurnContext, owner: Owner, draft: string, first: ReviewResult, cardId: string, dismissed: readonly string[]): void {
    // A "not an ask" is reviewed too: the model may find the ask the rules missed, or say why there is none.
    const reference = TurnContext.getConversationReference(context.activity) as Partial<ConversationReference>;
    const adapter = context.adapter;
    const work = (async () => {
      const policy = await this.policyOf(owner);
      const better = await this.deps.reviews.improve(draft, first, { workspaceId: owner.workspaceId, ...(policy ? { policy } : {}) });
      await this.deps.insights?.countReview(workspaceOf(owner), better?.result ?? first, this.deps.now());
      if (!better) return;
      const card = reviewCard(better.result, draft, owner, { dismissed, note: better.note });
      await adapter.continueConversationAsync(this.deps.appId, reference, async (proactive) => {
        await proactive.updateActivity({ ...cardMessage(card), id: cardId });
      });
    })().catch((error: unknown) => {
      this.deps.logger.warn({ err: error instanceof Error ? error.message : String(error), tenant: owner.workspaceId }, "teams: could not update the card with the improved review");
    });
    this.pending.add(work);
    void work.finally(() => this.pending.delete(work));
  }

  private async sendList(context: TurnContext, owner: Owner): Promise<void> {
    const tracker = this.deps.tracker;
    if (!tracker) {
      await context.sendActivity("Tracking isn't set up on this Askwell (no database is configured), so there is nothing to list.");
      return;
    }
    const asks = await tracker.listAsks(owner, { states: OPEN_STATES });
    if (!asks.ok) {
      await context.sendActivity(trackerMessage(asks));
      return;
    }
    const shown = asks.value.slice(0, 15);
    const next = new Map<string, string>();
    for (const ask of shown) {
      const reminder = await tracker.nextReminderFor(ask);
      if (reminder.ok && reminder.value) next.set(ask.id, `; next reminder ${reminder.value.dueAt.toISOString().slice(0, 10)}`);
    }
    await context.sendActivity(cardMessage(listCard(shown, owner, (ask: Ask) => `${describeState(ask.state)}${next.get(ask.id) ?? ""}`)));
  }

  /** A card button: checked against the acting user, then done. Returns the text to answer with, if any. */
  private async onAction(context: TurnContext, owner: Owner, value: unknown): Promise<string | null> {
    if (!isAskwellPayload(value)) return "That button belongs to a card I no longer recognise. Send me your draft again for a fresh review.";
    const verified = verifyAction(value, owner);
    if (!verified.ok) {
      this.deps.logger.warn({ code: verified.code, tenant: owner.workspaceId, user: owner.userId }, "teams: card action refused");
      return verified.code === "not_yours"
        ? "That card was made for someone else, so I left it alone. Send me your own draft to get a review you can act on."
        : "I couldn't read that button's data, so nothing was changed. Send me your draft again for a fresh card.";
    }
    const payload = verified.value;
    switch (payload.action) {
      case "review-edit":
      case "use-rewrite":
      case "not-applicable":
        return this.updateReview(context, owner, payload);
      case "track":
        return this.track(context, owner, payload);
      case "forwardable":
        return this.sendForwardable(context, owner, payload);
      case "followed-up":
      case "replied":
      case "close":
        return this.changeAsk(owner, payload);
      case "forget":
        return this.forget(owner);
      case "policy-save":
        return this.savePolicy(context, owner, payload);
    }
  }

  /** Everything stored about the user, as JSON, in their conversation. */
  private async sendExport(context: TurnContext, owner: Owner): Promise<void> {
    if (!this.deps.tracker) {
      await context.sendActivity("Tracking isn't set up on this Askwell (no database is configured), so nothing is stored about you.");
      return;
    }
    const exported = await this.deps.tracker.exportUser(owner);
    if (!exported.ok) {
      await context.sendActivity(trackerMessage(exported));
      return;
    }
    this.deps.logger.info({ tenant: owner.workspaceId, asks: exported.value.asks.length }, "teams: data exported");
    await context.sendActivity("Everything Askwell stores about you:");
    for (const part of chunkText(JSON.stringify(exported.value, null, 2), EXPORT_CHUNK_CHARS)) await context.sendActivity(MessageFactory.text("```\n" + part + "\n```"));
  }

  private async forget(owner: Owner): Promise<string> {
    if (!this.deps.tracker) return "Tracking isn't set up on this Askwell (no database is configured), so nothing is stored about you.";
    const forgotten = await this.deps.tracker.forgetUser(owner);
    this.deps.logger.info({ tenant: owner.workspaceId, ok: forgotten.ok }, "teams: user forgotten");
    return forgotten.ok ? forgetSummary(forgotten.value) : trackerMessage(forgotten);
  }

  private async updateReview(context: TurnContext, owner: Owner, payload: ActionPayload): Promise<string | null> {
    // "Use this rewrite" puts the suggested rewrite in the draft box and reviews it.
    const draft = (payload.action === "use-rewrite" ? payload.rewrite : payload.draft)?.trim() ?? "";
    const problem = this.draftProblem(draft);
    if (problem) return problem;
    if (payload.action === "use-rewrite") await this.deps.insights?.count(workspaceOf(owner), "rewrite-used", this.deps.now());
    // A new draft (an edit, the rewrite) is a fresh review; "Not applicable" shows the same one again.
    const fresh = payload.action !== "not-applicable";
    const dismissed = dismissedRules(payload);
    if (payload.action === "not-applicable") {
      if (!payload.rule) return "I couldn't tell which advice you meant, so nothing was changed.";
      if (this.deps.tracker) {
        const recorded = await this.deps.tracker.recordDismissal(owner, payload.rule as RuleId, this.deps.now());
        if (!recorded.ok) this.deps.logger.warn({ code: recorded.code }, "teams: dismissal not recorded");
      }
      if (!dismissed.includes(payload.rule)) dismissed.push(payload.rule);
    }
    const reviewed = await this.review(owner, draft);
    if (!reviewed.ok) return reviewed.message;
    const result = reviewed.value;
    const card = cardMessage(reviewCard(result, draft, owner, { dismissed }));
    const cardId = context.activity.replyToId;
    if (cardId) {
      await context.updateActivity({ ...card, id: cardId });
      if (fresh) this.improveLater(context, owner, draft, result, cardId, dismissed);
      return null;
    }
    const sent = await context.sendActivity(card);
    if (fresh && sent?.id) this.improveLater(context, owner, draft, result, sent.id, dismissed);
    else if (fresh) await this.deps.insights?.countReview(workspaceOf(owner), result, this.deps.now());
    return null;
  }

  /**
   * "Copy forwardable note": the note for the draft in the card's box, to the user alone. A Universal
   * Action's answer is seen by the presser only; in a 1:1 chat the card goes there; from a channel or
   * group chat it goes to the user's 1:1 chat with the bot, and the channel hears only that it went.
   */
  private async sendForwardable(context: TurnContext, owner: Owner, payload: ActionPayload): Promise<string | null> {
    const draft = payload.draft?.trim() ?? "";
    const problem = this.draftProblem(draft);
    if (problem) return problem;
    const policy = await this.policyOf(owner);
    const note = forwardableNote(draft, policy ? { policy } : {});
    const activity = context.activity;
    this.deps.logger.info({ tenant: owner.workspaceId, chars: note.length }, "teams: forwardable note");
    if (activity.type === "invoke") return `📨 Your forwardable note (only you can see this; fill in anything in [brackets]):\n\n${note}`;
    const message = cardMessage(forwardableCard(note));
    if (activity.conversation?.conversationType === "personal") {
      await context.sendActivity(message);
      return null;
    }
    const contact = contactFrom(activity, owner);
    if (!contact) return "I couldn't open a private chat with you, so I kept the note to myself. Send me the draft in our 1:1 chat and press the button there.";
    try {
      let failure: unknown = null;
      await inPersonalChat(context.adapter, this.deps.appId, { contact }, async (personal) => {
        await personal.sendActivity(message).catch((error: unknown) => void (failure = error ?? new Error("send failed")));
      });
      if (failure) throw failure;
    } catch (error) {
      this.deps.logger.warn({ err: error instanceof Error ? error.message : String(error), tenant: owner.workspaceId }, "teams: forwardable note not delivered");
      return "I couldn't reach our 1:1 chat just now, so the note wasn't sent. Please try again in a minute, or send me the draft there.";
    }
    return "📨 I sent your forwardable note to our 1:1 chat, where only you can see it.";
  }

  private async track(context: TurnContext, owner: Owner, payload: ActionPayload): Promise<string> {
    const tracker = this.deps.tracker;
    if (!tracker) return "Tracking isn't set up on this Askwell (no database is configured), so I can't remind you about this ask.";
    const reader = payload.reader?.trim();
    if (!reader) return "Tell me who you sent it to, then press *Track* again.";
    const draft = payload.draft?.trim() ?? "";
    const problem = this.draftProblem(draft);
    if (problem) return problem;
    const reviewed = await firstReview(this.deps, draft, undefined, actorId(owner));
    if (!reviewed.ok) return reviewed.message;
    const result = reviewed.value;
    if (result.kind === "other") return "That draft doesn't read like a networking ask, so there's nothing to track.";

    const now = this.deps.now();
    const tracked = await tracker.trackAsk(owner, {
      reader,
      thirdPerson: payload.thirdPerson?.trim() || null,
      kind: result.kind,
      draft,
      summary: result.summary,
      sentAt: now,
      timeZone: context.activity.localTimezone || null,
    });
    if (!tracked.ok) return trackerMessage(tracked);
    const ask = tracked.value;

    const cardId = context.activity.replyToId;
    const cardReview = cardId ? await this.review(owner, draft) : null;
    if (cardId && cardReview?.ok) {
      const card = reviewCard(cardReview.value, draft, owner, { dismissed: dismissedRules(payload), trackedAskId: ask.id });
      await context.updateActivity({ ...cardMessage(card), id: cardId }).catch((error: unknown) => {
        // The ask is tracked either way; a stale card is only cosmetic.
        this.deps.logger.warn({ err: error instanceof Error ? error.message : String(error) }, "teams: tracked, but the card was not updated");
      });
    }
    const reminder = await tracker.nextReminderFor(ask);
    const when = reminder.ok && reminder.value ? ` I'll remind you here on ${reminder.value.dueAt.toISOString().slice(0, 10)} if there's no answer by then.` : "";
    const connector = (await this.deps.team?.connectorNoticeFor(ask, now)) ?? null;
    return `📌 Tracking ask #${ask.id} to ${reader}.${when}${connector ? `\n\n✋ ${connector}` : ""}`;
  }

  private async changeAsk(owner: Owner, payload: ActionPayload): Promise<string> {
    const tracker = this.deps.tracker;
    if (!tracker) return "Tracking isn't set up on this Askwell (no database is configured).";
    if (!payload.askId) return "I couldn't tell which ask you meant, so nothing was changed.";
    const now = this.deps.now();
    const changed =
      payload.action === "followed-up"
        ? await tracker.recordFollowUp(owner, payload.askId, now)
        : payload.action === "replied"
          ? await tracker.recordReply(owner, payload.askId, "replied", now)
          : await tracker.closeAsk(owner, payload.askId, now);
    if (!changed.ok) return trackerMessage(changed);
    return `Ask #${changed.value.id} is now ${describeState(changed.value.state)}.`;
  }
}
