import type { IncomingMessage, ServerResponse } from "node:http";
import type { Logger } from "pino";
import type { PlatformRenderers } from "../../server/platform-renderers.js";
import type { Asker } from "../asker.js";

/** What every adapter is given. */
export interface AdapterContext {
  asker: Asker;
  logger: Logger;
  defaultPrivate: boolean;
}

/** A request listener an adapter hands over to be mounted on the web server. */
export type PlatformListener = (req: IncomingMessage, res: ServerResponse) => void | Promise<void>;

/** A transport that holds a connection (gateway, socket) and can close it. */
export interface StoppableTransport {
  stop(): Promise<void>;
}

/**
 * How the service builds each transport from the adapters. The default
 * implementation imports the adapters lazily (only the enabled ones load their
 * SDK); tests pass fakes.
 */
export interface TransportFactories {
  discordInteractions(
    context: AdapterContext,
    credentials: { publicKey: string; applicationId: string; apiUrl?: string; maxBodyBytes: number },
  ): Promise<PlatformListener>;
  /** Slack over HTTP: the listener to mount, and `verify()` checking the bot token with Slack. */
  slackHttp(
    context: AdapterContext,
    credentials: { botToken: string; signingSecret: string; apiUrl?: string; maxBodyBytes: number },
  ): Promise<{ listener: PlatformListener; verify(): Promise<void> } & StoppableTransport>;
  discordGateway(
    context: AdapterContext,
    credentials: { token: string; applicationId: string; guildId?: string; apiUrl?: string },
  ): Promise<StoppableTransport>;
  slackSocket(
    context: AdapterContext,
    credentials: { botToken: string; appToken: string; apiUrl?: string },
  ): Promise<StoppableTransport>;
  /** The platforms' renderers for the playground. */
  renderers(): Promise<PlatformRenderers>;
}
