import { type APIApplicationCommand, REST, Routes } from "discord.js";
import type { Logger } from "../../logger.js";
import { type DiscordCommandDefinition, discordCommandDefinitions } from "./command-definitions.js";

/** Options of registerCommands. */
export interface RegisterCommandsOptions {
  /** The bot token (registration is the one thing that needs it besides the gateway). */
  token: string;
  applicationId: string;
  /** Register to this guild only (instant, for development); globally when absent. */
  guildId?: string;
  /** Discord's REST base URL (default Discord's). */
  apiUrl?: string;
  /** Shown in the `private` option's description. */
  defaultPrivate: boolean;
  logger?: Logger;
}

/** What registering did. */
export interface RegistrationReport {
  scope: { kind: "global" } | { kind: "guild"; guildId: string };
  /** Whether the commands were replaced (false: they were already up to date). */
  changed: boolean;
  added: string[];
  updated: string[];
  removed: string[];
  unchanged: string[];
}

/**
 * Deploys the command table to Discord, idempotently: fetches the registered
 * commands, compares them with the table, and overwrites them (one bulk PUT)
 * only when something differs. Global commands can take a while to show in
 * clients; guild commands show at once.
 */
export async function registerCommands(options: RegisterCommandsOptions): Promise<RegistrationReport> {
  const rest = new REST(options.apiUrl === undefined ? {} : { api: options.apiUrl }).setToken(options.token);
  const route =
    options.guildId === undefined
      ? Routes.applicationCommands(options.applicationId)
      : Routes.applicationGuildCommands(options.applicationId, options.guildId);
  const desired = discordCommandDefinitions(options.defaultPrivate);
  const existing = (await rest.get(route)) as APIApplicationCommand[];
  const report = compareCommands(existing, desired);
  report.scope =
    options.guildId === undefined ? { kind: "global" } : { kind: "guild", guildId: options.guildId };
  if (report.changed) await rest.put(route, { body: desired });
  options.logger?.info(
    { scope: report.scope, added: report.added, updated: report.updated, removed: report.removed },
    report.changed ? "discord commands registered" : "discord commands already up to date",
  );
  return report;
}

/** Which commands would be added, updated, removed or left as they are. */
export function compareCommands(
  existing: readonly APIApplicationCommand[],
  desired: readonly DiscordCommandDefinition[],
): RegistrationReport {
  const before = new Map(existing.map((c) => [c.name, comparable(c)]));
  const report: RegistrationReport = {
    scope: { kind: "global" },
    changed: false,
    added: [],
    updated: [],
    removed: [],
    unchanged: [],
  };
  for (const command of desired) {
    const current = before.get(command.name);
    if (current === undefined) report.added.push(command.name);
    else if (current !== comparable(command)) report.updated.push(command.name);
    else report.unchanged.push(command.name);
    before.delete(command.name);
  }
  report.removed.push(...before.keys());
  report.changed = report.added.length + report.updated.length + report.removed.length > 0;
  return report;
}

/** One line per change, for `npm run register`. */
export function describeRegistration(report: RegistrationReport): string {
  const where = report.scope.kind === "global" ? "globally" : `to guild ${report.scope.guildId}`;
  if (!report.changed)
    return `Discord commands are up to date ${where} (${report.unchanged.length} commands).`;
  const lines = [`Registered Discord commands ${where}:`];
  for (const name of report.added) lines.push(`  + /${name} (new)`);
  for (const name of report.updated) lines.push(`  ~ /${name} (changed)`);
  for (const name of report.removed) lines.push(`  - /${name} (removed)`);
  if (report.unchanged.length > 0)
    lines.push(`  = ${report.unchanged.map((n) => `/${n}`).join(", ")} (unchanged)`);
  if (report.scope.kind === "global")
    lines.push("Global commands can take up to an hour to appear in clients.");
  return lines.join("\n");
}

interface ComparableOption {
  type: number;
  name: string;
  description: string;
  required?: boolean;
  autocomplete?: boolean;
  max_length?: number;
}

/** The fields we set, with Discord's defaults made explicit, as a string to compare. */
function comparable(command: {
  type?: number | undefined;
  name: string;
  description: string;
  options?: readonly object[] | undefined;
}): string {
  const options = ((command.options ?? []) as ComparableOption[]).map((o) => ({
    type: o.type,
    name: o.name,
    description: o.description,
    required: o.required ?? false,
    autocomplete: o.autocomplete ?? false,
    max_length: o.max_length ?? null,
  }));
  return JSON.stringify({
    type: command.type ?? 1,
    name: command.name,
    description: command.description,
    options,
  });
}
