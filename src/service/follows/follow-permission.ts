import type { Invocation } from "../../core/invocation.js";

/** Whether the asker may change what a channel follows or add articles. */
export type FollowPermission = (invocation: Invocation) => Promise<boolean>;

// Discord permission bits: Administrator (1 << 3) and Manage Channels (1 << 4).
const DISCORD_MAY_FOLLOW = (1n << 3n) | (1n << 4n);

/** What the default permission reads. */
export interface FollowPermissionOptions {
  /** User ids always allowed (FOLLOW_ALLOWED_USERS), on either platform. */
  allowedUsers: ReadonlySet<string>;
  /** Slack: whether a user is a workspace admin or owner (`users.info`); absent, only the list counts. */
  slackIsAdmin?: (user: string) => Promise<boolean>;
}

/**
 * The default rule: a listed user; on Discord a member who can manage the channel (or
 * an administrator), as the interaction's permissions say; on Slack a workspace admin or
 * owner. Anything unknown or failing is a refusal.
 */
export function followPermission(options: FollowPermissionOptions): FollowPermission {
  return async (invocation) => {
    const user = invocation.user;
    if (user === undefined) return false;
    if (options.allowedUsers.has(user)) return true;
    if (invocation.platform === "discord") {
      const bits = invocation.place?.permissions;
      if (bits === undefined || !/^\d{1,40}$/u.test(bits)) return false;
      return (BigInt(bits) & DISCORD_MAY_FOLLOW) !== 0n;
    }
    if (invocation.platform === "slack" && options.slackIsAdmin) {
      return options.slackIsAdmin(user).catch(() => false);
    }
    return false;
  };
}
