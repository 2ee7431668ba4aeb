import type { Activity } from "botbuilder";

type MentionEntity = { type?: string; text?: unknown; mentioned?: { id?: string; name?: string } };

/**
 * The message text without the bot's own mentions. botbuilder's `removeRecipientMention` runs
 * `text.replace(entity.text, "")`; real Teams clients sometimes send the mention entity without `text`
 * (botbuilder-js #2083, botbuilder-dotnet #2504), and `replace(undefined)` then leaves `<at>Bot</at>` in
 * the draft and deletes its first literal word "undefined". Here the mention is found by the bot's id
 * and removed by the entity's text when there is one, else by the bot's name.
 */
export function textWithoutBotMention(activity: Partial<Activity>): string {
  let text = activity.text ?? "";
  const botId = activity.recipient?.id;
  for (const entity of (activity.entities ?? []) as MentionEntity[]) {
    if (entity.type !== "mention" || !botId || entity.mentioned?.id !== botId) continue;
    const markups = typeof entity.text === "string" && entity.text !== "" ? [entity.text] : [entity.mentioned.name, activity.recipient?.name].filter((n): n is string => Boolean(n)).map((name) => `<at>${name}</at>`);
    for (const markup of markups) text = text.split(markup).join("");
  }
  return text.trim();
}
