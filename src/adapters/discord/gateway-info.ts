/** What Discord's `GET /gateway/bot` says about starting sessions. */
export interface GatewayBotInfo {
  /** The shard count Discord recommends for the bot's guilds. */
  shards: number;
  /** Sessions that may IDENTIFY within the same 5 s (shards `id % max_concurrency` share a slot). */
  maxConcurrency: number;
}

const DISCORD_API = "https://discord.com/api";

/**
 * Asks Discord (or `apiUrl`, e.g. a proxy or a local fake) how many shards the bot
 * should run and how many may start at once. Rejects with Discord's status when
 * the token is refused.
 */
export async function fetchGatewayBotInfo(token: string, apiUrl = DISCORD_API): Promise<GatewayBotInfo> {
  const response = await fetch(`${apiUrl.replace(/\/$/u, "")}/v10/gateway/bot`, {
    headers: { authorization: `Bot ${token}` },
    signal: AbortSignal.timeout(10_000),
  });
  if (!response.ok) throw new Error(`Discord answered GET /gateway/bot with ${response.status}`);
  const body = (await response.json()) as {
    shards?: unknown;
    session_start_limit?: { max_concurrency?: unknown };
  };
  const shards = Number(body.shards);
  const maxConcurrency = Number(body.session_start_limit?.max_concurrency ?? 1);
  if (!Number.isInteger(shards) || shards < 1) throw new Error("Discord's /gateway/bot gave no shard count");
  return {
    shards,
    maxConcurrency: Number.isInteger(maxConcurrency) && maxConcurrency > 0 ? maxConcurrency : 1,
  };
}
