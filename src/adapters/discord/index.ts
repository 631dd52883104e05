/**
 * The Discord adapter: a gateway bot (discord.js) and an HTTP interactions
 * endpoint sharing one renderer, plus command registration.
 */
export { type DiscordCommandDefinition, discordCommandDefinitions } from "./command-definitions.js";
export { type DiscordGateway, type DiscordGatewayOptions, startDiscordGateway } from "./gateway-bot.js";
export type { InteractionHandlerOptions } from "./handle-interaction.js";
export {
  createDiscordInteractionsListener,
  type DiscordInteractionsOptions,
} from "./interactions-endpoint.js";
export type { DiscordMessage } from "./message.js";
export {
  describeRegistration,
  type RegisterCommandsOptions,
  type RegistrationReport,
  registerCommands,
} from "./register-commands.js";
export { renderDiscordAnswer, renderDiscordView } from "./render-answer.js";
