import { type DiscordGateway, startDiscordGateway } from "../../../src/adapters/discord/index.js";
import type { Asker } from "../../../src/service/asker.js";
import { FakeDiscord } from "../../fakes/discord/fake-discord.js";
import { type RecordingAsker, recordingAsker } from "../askers.js";
import { type MemoryLogger, memoryLogger } from "../memory-logger.js";
import { FaultyDiscord } from "./faulty-discord.js";

/** A real discord.js bot talking to the fake Discord through the faulty proxy. */
export interface FaultyBot {
  fake: FakeDiscord;
  proxy: FaultyDiscord;
  bot: DiscordGateway;
  asker: RecordingAsker;
  log: MemoryLogger;
  stop(): Promise<void>;
}

/** Starts the fake, the proxy in front of it, then the gateway bot; resolves when the bot is ready. */
export async function startFaultyBot(
  asker: Asker,
  options: { deferAfterMs?: number; token?: string } = {},
): Promise<FaultyBot> {
  const fake = await FakeDiscord.start(options.token === undefined ? {} : { token: options.token });
  const proxy = await FaultyDiscord.start(fake);
  const switchable = recordingAsker(asker);
  const log = memoryLogger("debug");
  const bot = await startDiscordGateway({
    asker: switchable,
    logger: log.logger,
    defaultPrivate: true,
    token: fake.token,
    applicationId: fake.applicationId,
    apiUrl: proxy.apiUrl,
    ...(options.deferAfterMs === undefined ? {} : { deferAfterMs: options.deferAfterMs }),
  });
  return {
    fake,
    proxy,
    bot,
    asker: switchable,
    log,
    stop: async () => {
      await bot.stop();
      await proxy.close();
      await fake.close();
    },
  };
}
