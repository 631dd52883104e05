/**
 * Deploys the command table to Discord as slash commands: to `DISCORD_GUILD_ID`
 * when set (shows at once, for development), globally otherwise. Idempotent:
 * it compares with what is registered and only overwrites when something
 * changed, then prints what did.
 *
 * Run: `npm run register` (needs DISCORD_TOKEN and DISCORD_APPLICATION_ID, from
 * the environment or `.env`).
 */
import { config as loadDotenv } from "dotenv";
import { describeRegistration, registerCommands } from "../src/adapters/discord/register-commands.js";
import { loadConfig } from "../src/config.js";

async function main(): Promise<number> {
  loadDotenv({ quiet: true });
  const config = loadConfig();
  const { token, applicationId, guildId, apiUrl } = config.discord;
  if (!token || !applicationId) {
    process.stderr.write(
      "npm run register needs DISCORD_TOKEN (Bot → Reset Token) and DISCORD_APPLICATION_ID (General Information)\n" +
        "from the application's page at https://discord.com/developers/applications.\n",
    );
    return 1;
  }
  const report = await registerCommands({
    token,
    applicationId,
    defaultPrivate: config.defaultPrivate,
    ...(guildId === undefined ? {} : { guildId }),
    ...(apiUrl === undefined ? {} : { apiUrl }),
  });
  process.stdout.write(`${describeRegistration(report)}\n`);
  return 0;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    const message = error instanceof Error ? error.message : String(error);
    process.stderr.write(`Registering the Discord commands failed: ${message}\n`);
    process.exitCode = 1;
  },
);
