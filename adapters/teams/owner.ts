import type { Activity } from "botbuilder";
import type { Owner } from "../../src/core/ports";

/**
 * The platform-neutral owner behind a Teams activity: the tenant and the user's AAD object id
 * (the channel user id when there is none). The Emulator sends no tenant: its channel id stands in.
 */
export function ownerOf(activity: Partial<Activity>): Owner | null {
  const channelData = activity.channelData as { tenant?: { id?: unknown } } | undefined;
  const channelTenant = typeof channelData?.tenant?.id === "string" ? channelData.tenant.id : undefined;
  const tenantId = activity.conversation?.tenantId ?? channelTenant ?? activity.channelId ?? null;
  const userId = activity.from?.aadObjectId ?? activity.from?.id ?? null;
  if (!tenantId || !userId) return null;
  return { platform: "teams", workspaceId: tenantId, userId };
}

export function sameOwner(a: Owner, b: Owner): boolean {
  return a.platform === b.platform && a.workspaceId === b.workspaceId && a.userId === b.userId;
}
