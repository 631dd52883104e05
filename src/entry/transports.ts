import { discordGatewayTransport, discordInteractionsTransport } from "../adapters/discord/transports.js";
import {
  slackHttpTransport,
  slackInstallsTransport,
  slackSocketTransport,
} from "../adapters/slack/transports.js";
import type { Transport } from "../service/transports/transport.js";

/** The web app's own routes: always on in a web process, nothing to mount or connect. */
export const playgroundTransport: Transport = {
  name: "playground",
  label: "playground, JSON API and health checks",
  process: "web",
  needs: () => ({}),
};

/**
 * Every way Backstory can be reached, listed once. Startup announces them in this
 * order (what runs, what would enable the rest); web ones are mounted on the one
 * HTTP app, worker ones connected.
 */
export const TRANSPORTS: readonly Transport[] = Object.freeze([
  playgroundTransport,
  discordInteractionsTransport,
  slackHttpTransport,
  slackInstallsTransport,
  discordGatewayTransport,
  slackSocketTransport,
]);
