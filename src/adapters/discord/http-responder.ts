import type { ServerResponse } from "node:http";
import {
  type APIInteractionResponse,
  InteractionResponseType,
  MessageFlags,
  type REST,
  Routes,
} from "discord.js";
import type { DiscordMessage } from "./message.js";
import { type AutocompleteChoice, type InteractionResponder, withoutFlags } from "./responder.js";

/**
 * Answers an interaction received over HTTP: the first response is the HTTP
 * response itself; edits, deletions and follow-ups go through discord.js's REST
 * client to the interaction's webhook (no bot token needed, the interaction
 * token authorises them).
 */
export class HttpInteractionResponder implements InteractionResponder {
  private responded = false;

  constructor(
    private readonly res: ServerResponse,
    private readonly rest: REST,
    private readonly applicationId: string,
    private readonly token: string,
  ) {}

  /** Whether the HTTP response has been given. */
  get hasResponded(): boolean {
    return this.responded;
  }

  reply(message: DiscordMessage): Promise<void> {
    return this.respond({ type: InteractionResponseType.ChannelMessageWithSource, data: message });
  }

  deferReply(isPrivate: boolean): Promise<void> {
    return this.respond({
      type: InteractionResponseType.DeferredChannelMessageWithSource,
      data: isPrivate ? { flags: MessageFlags.Ephemeral } : {},
    });
  }

  update(message: DiscordMessage): Promise<void> {
    return this.respond({ type: InteractionResponseType.UpdateMessage, data: withoutFlags(message) });
  }

  deferUpdate(): Promise<void> {
    return this.respond({ type: InteractionResponseType.DeferredMessageUpdate });
  }

  suggest(choices: readonly AutocompleteChoice[]): Promise<void> {
    return this.respond({
      type: InteractionResponseType.ApplicationCommandAutocompleteResult,
      data: { choices: [...choices] },
    });
  }

  async editReply(message: DiscordMessage): Promise<void> {
    await this.rest.patch(Routes.webhookMessage(this.applicationId, this.token, "@original"), {
      body: withoutFlags(message),
      auth: false,
    });
  }

  async deleteReply(): Promise<void> {
    await this.rest.delete(Routes.webhookMessage(this.applicationId, this.token, "@original"), {
      auth: false,
    });
  }

  async followUp(message: DiscordMessage): Promise<void> {
    await this.rest.post(Routes.webhook(this.applicationId, this.token), { body: message, auth: false });
  }

  private respond(body: APIInteractionResponse): Promise<void> {
    if (this.responded) return Promise.reject(new Error("This interaction has already been answered."));
    this.responded = true;
    return sendJson(this.res, 200, body);
  }
}

/** Writes a JSON response and resolves once it has been handed to the network. */
export function sendJson(res: ServerResponse, status: number, body: unknown): Promise<void> {
  const text = JSON.stringify(body);
  return new Promise((resolve) => {
    res.writeHead(status, {
      "content-type": "application/json",
      "content-length": Buffer.byteLength(text),
    });
    res.end(text, () => resolve());
  });
}
