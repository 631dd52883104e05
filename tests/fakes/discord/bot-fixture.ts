import { type DiscordGateway, startDiscordGateway } from "../../../src/adapters/discord/index.js";
import type { Asker } from "../../../src/service/asker.js";
import type { Insights } from "../../../src/service/insights/insights.js";
import { type RecordingAsker, recordingAsker } from "../../helpers/askers.js";
import { type MemoryLogger, memoryLogger } from "../../helpers/memory-logger.js";
import { FakeDiscord, type FakeDiscordOptions } from "./fake-discord.js";

/** A real discord.js bot connected to a fake Discord, for one test file. */
export interface BotFixture {
  fake: FakeDiscord;
  bot: DiscordGateway;
  asker: RecordingAsker;
  log: MemoryLogger;
  stop(): Promise<void>;
}

/** Starts the fake, then the gateway bot against it; resolves when the bot is ready. */
export async function startBotFixture(
  asker: Asker,
  options: {
    defaultPrivate?: boolean;
    deferAfterMs?: number;
    fake?: FakeDiscordOptions;
    insights?: Insights;
  } = {},
): Promise<BotFixture> {
  const fake = await FakeDiscord.start(options.fake);
  const switchable = recordingAsker(asker);
  const log = memoryLogger();
  const bot = await startDiscordGateway({
    asker: switchable,
    logger: log.logger,
    defaultPrivate: options.defaultPrivate ?? true,
    token: fake.token,
    applicationId: fake.applicationId,
    apiUrl: fake.apiUrl,
    ...(options.deferAfterMs === undefined ? {} : { deferAfterMs: options.deferAfterMs }),
    ...(options.insights ? { insights: options.insights } : {}),
  });
  return {
    fake,
    bot,
    asker: switchable,
    log,
    stop: async () => {
      await bot.stop();
      await fake.close();
    },
  };
}
