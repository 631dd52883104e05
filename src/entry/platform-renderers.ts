import type { PlatformRenderers } from "../server/platform-renderers.js";

/**
 * The platforms' renderers for the playground, loaded on first use (they pull in
 * discord.js and Bolt).
 */
export async function loadPlatformRenderers(): Promise<PlatformRenderers> {
  const [{ renderDiscordAnswer }, { renderSlackAnswer }] = await Promise.all([
    import("../adapters/discord/render-answer.js"),
    import("../adapters/slack/render-blocks.js"),
  ]);
  return { discord: renderDiscordAnswer, slack: renderSlackAnswer };
}
