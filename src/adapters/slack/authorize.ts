import type { Authorize, AuthorizeResult, webApi } from "@slack/bolt";

/** Authorization for a single-workspace app, and a way to check the token early. */
export interface BotAuthorization {
  /** Bolt's authorize hook: the bot token and the bot's ids. */
  authorize: Authorize<boolean>;
  /** Calls auth.test once (if not done yet); rejects when the token is refused. */
  verify(): Promise<void>;
}

/**
 * Authorizes every request with the one bot token, learning the bot's user and bot
 * ids from a single `auth.test`. Unlike Bolt's `token` option, nothing is sent to
 * Slack while the app is built (a Slack outage at boot cannot crash the process), and
 * a failed call is retried on the next request instead of being cached.
 */
export function botAuthorization(client: () => webApi.WebClient, botToken: string): BotAuthorization {
  let pending: Promise<AuthorizeResult> | undefined;
  const lookUp = (): Promise<AuthorizeResult> => {
    pending ??= client()
      .auth.test({ token: botToken })
      .then((result): AuthorizeResult => {
        const auth: AuthorizeResult = { botToken };
        if (result.user_id !== undefined) auth.botUserId = result.user_id;
        if (result.bot_id !== undefined) auth.botId = result.bot_id;
        if (result.team_id !== undefined) auth.teamId = result.team_id;
        return auth;
      })
      .catch((error: unknown) => {
        pending = undefined;
        throw error;
      });
    return pending;
  };
  return {
    authorize: async () => ({ ...(await lookUp()) }),
    verify: async () => {
      await lookUp();
    },
  };
}
