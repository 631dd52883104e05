import { EventEmitter } from "node:events";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import type { APIInteraction, APIMessage } from "discord.js";
import { FakeCommandStore } from "./fake-commands.js";
import { FakeGateway, type GatewayLog } from "./fake-gateway.js";
import {
  emptyMessage,
  invalid,
  notFound,
  type Reply,
  readJson,
  typeProblem,
  unauthorized,
  unknownInteraction,
  unknownWebhook,
} from "./fake-http.js";
import { FormErrors } from "./form-errors.js";
import type { CallbackRecord, FakeInteraction, Outcome } from "./interaction-record.js";
import {
  autocompleteInteraction,
  buttonInteraction,
  commandInteraction,
  DEFAULT_USER_ID,
  type InteractionContext,
  isComponentInteraction,
  messageObject,
  type OptionInput,
  snowflake,
} from "./payloads.js";
import { checkChoices, checkMessage, isEmptyMessage, isObject, type MessageUse } from "./validate.js";

/** Options of the fake. */
export interface FakeDiscordOptions {
  token?: string;
  applicationId?: string;
  /** Sent in HELLO (default 45 s, as Discord; tests of heartbeats pass less). */
  heartbeatIntervalMs?: number;
  /** An interaction's first response must come within this (default 3000 ms, as Discord). */
  responseDeadlineMs?: number;
  /**
   * Backstory's own rule, checked as if it were Discord's: every message says
   * `allowed_mentions: { parse: [] }` (default true).
   */
  requireNoMentions?: boolean;
  /** The shard count `GET /gateway/bot` recommends (default 1). */
  recommendedShards?: number;
  /** Sessions that may start at once (`session_start_limit.max_concurrency`, default 1). */
  maxConcurrency?: number;
  /** The fewest shards an IDENTIFY may name (Discord's 4011 below it; default 1). */
  requiredShards?: number;
}

/** A REST request the fake received. */
export interface RecordedRequest {
  method: string;
  /** Path after `/api/v10`, decoded: `/interactions/1/abc/callback`. */
  route: string;
  query: URLSearchParams;
  body: unknown;
  status: number;
}

/** A request the fake refused the way Discord would (4xx), kept for `expectNoRejections`. */
export interface Rejection extends RecordedRequest {
  response: unknown;
}

/** Who is interacting (defaults: a guild member, locale en-US). */
export interface Who {
  userId?: string;
  locale?: string;
  /** The server (default GUILD_ID): decides which shard the gateway sends the interaction to. */
  guildId?: string;
}

interface StoredMessage {
  message: APIMessage;
  deleted: boolean;
}

const LOADING = 128;
const EPHEMERAL = 64;

/**
 * A local fake of Discord on 127.0.0.1: the REST API (gateway discovery,
 * interaction callbacks, webhook edits and follow-ups, application commands)
 * and the gateway, on one port. It refuses what Discord refuses — over-limit
 * payloads (400, code 50035), late first responses (404, 10062), double
 * acknowledgements (400, 40060), empty messages (400, 50006) — and records
 * everything so tests can await and inspect it.
 */
export class FakeDiscord {
  readonly token: string;
  readonly applicationId: string;
  readonly requests: RecordedRequest[] = [];
  readonly rejections: Rejection[] = [];
  /** Application commands registered with the fake. */
  readonly commandStore: FakeCommandStore;

  private readonly options: Required<FakeDiscordOptions>;
  private readonly server: Server;
  private readonly gateway: FakeGateway;
  private readonly changes = new EventEmitter();
  private readonly interactions = new Map<string, FakeInteraction>();
  private readonly messages = new Map<string, StoredMessage>();
  /** Messages posted to channels by the bot (`POST /channels/{id}/messages`), oldest first. */
  readonly channelMessages: { channelId: string; body: Record<string, unknown> }[] = [];
  /** The latest follow-up message of each interaction, by token. */
  private readonly lastFollowUp = new Map<string, string>();
  private port = 0;

  private constructor(options: FakeDiscordOptions) {
    this.options = {
      token: options.token ?? "fake-bot-token",
      applicationId: options.applicationId ?? "300000000000000099",
      heartbeatIntervalMs: options.heartbeatIntervalMs ?? 45_000,
      responseDeadlineMs: options.responseDeadlineMs ?? 3000,
      requireNoMentions: options.requireNoMentions ?? true,
      recommendedShards: options.recommendedShards ?? 1,
      maxConcurrency: options.maxConcurrency ?? 1,
      requiredShards: options.requiredShards ?? 1,
    };
    this.token = this.options.token;
    this.applicationId = this.options.applicationId;
    this.commandStore = new FakeCommandStore(this.applicationId);
    this.changes.setMaxListeners(0);
    const changed = () => this.changes.emit("change");
    this.gateway = new FakeGateway({ ...this.options, onChange: changed }, () => this.gatewayUrl);
    this.server = createServer((req, res) => {
      this.serve(req, res).catch((error: unknown) => {
        res.writeHead(500).end(String(error));
      });
    });
    this.server.on("upgrade", (req, socket, head) => this.gateway.upgrade(req, socket, head));
  }

  /** Starts a fake on a free port of 127.0.0.1. */
  static async start(options: FakeDiscordOptions = {}): Promise<FakeDiscord> {
    const fake = new FakeDiscord(options);
    await new Promise<void>((resolve) => fake.server.listen(0, "127.0.0.1", resolve));
    fake.port = (fake.server.address() as AddressInfo).port;
    return fake;
  }

  /** The REST base URL to give discord.js (`rest: { api }`). */
  get apiUrl(): string {
    return `http://127.0.0.1:${this.port}/api`;
  }

  /** The gateway URL `GET /gateway/bot` hands out. */
  get gatewayUrl(): string {
    return `ws://127.0.0.1:${this.port}`;
  }

  /** What the gateway saw: connections, IDENTIFY payloads, heartbeats. */
  get gatewayLog(): GatewayLog {
    return this.gateway.log;
  }

  async close(): Promise<void> {
    await this.gateway.close();
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  /** Resolves when `check` returns something other than undefined (looked at after every change). */
  waitFor<T>(check: () => T | undefined, timeoutMs = 5000, what = "the expected event"): Promise<T> {
    const now = check();
    if (now !== undefined) return Promise.resolve(now);
    return new Promise<T>((resolve, reject) => {
      const onChange = () => {
        const value = check();
        if (value === undefined) return;
        cleanup();
        resolve(value);
      };
      const timer = setTimeout(() => {
        cleanup();
        reject(new Error(`Timed out after ${timeoutMs} ms waiting for ${what}.`));
      }, timeoutMs);
      const cleanup = () => {
        clearTimeout(timer);
        this.changes.off("change", onChange);
      };
      this.changes.on("change", onChange);
    });
  }

  /** Resolves once a session of each shard `[id, count]` in `shards` is connected. */
  shardsReady(shards: readonly (readonly [number, number])[], timeoutMs = 5000): Promise<true> {
    return this.waitFor(
      () => (shards.every(([id, count]) => this.gateway.shardConnected(id, count)) ? true : undefined),
      timeoutMs,
      `shards ${JSON.stringify(shards)} to identify`,
    );
  }

  /** Resolves once a client has identified on the gateway. */
  clientReady(timeoutMs = 5000): Promise<true> {
    return this.waitFor(() => (this.gateway.ready ? true : undefined), timeoutMs, "a client to identify");
  }

  // ---- interactions -------------------------------------------------------------------------

  /** A user runs a slash command: dispatched to the bot as INTERACTION_CREATE. */
  runCommand(name: string, options: Record<string, OptionInput> = {}, who: Who = {}): FakeInteraction {
    return this.dispatch(this.track((context) => commandInteraction(context, name, options), who));
  }

  /** A user types into `focused` of a command: an autocomplete interaction. */
  typeInto(
    name: string,
    options: Record<string, OptionInput>,
    focused: string,
    who: Who = {},
  ): FakeInteraction {
    return this.dispatch(
      this.track((context) => autocompleteInteraction(context, name, options, focused), who),
    );
  }

  /** A user clicks a button of a message (it must be there and enabled, as in a Discord client). */
  click(message: APIMessage, customId: string, who: Who = {}): FakeInteraction {
    return this.dispatch(this.clickable(message, customId, who));
  }

  /** The interaction a click would create, without dispatching it (for the HTTP endpoint). */
  clickable(message: APIMessage, customId: string, who: Who = {}): FakeInteraction {
    const current = this.messages.get(message.id)?.message ?? message;
    const button = findButton(current, customId);
    if (!button) throw new Error(`There is no button "${customId}" on message ${message.id}.`);
    if (button.disabled) throw new Error(`Button "${customId}" is disabled: a user cannot click it.`);
    return this.track((context) => buttonInteraction(context, structuredClone(current), customId), who);
  }

  /** Registers an interaction (not dispatched): the HTTP endpoint tests post it themselves. */
  track(build: (context: InteractionContext) => APIInteraction, who: Who = {}): FakeInteraction {
    const context: InteractionContext = {
      id: snowflake(),
      token: `token-${snowflake()}`,
      applicationId: this.applicationId,
      userId: who.userId ?? DEFAULT_USER_ID,
      ...(who.locale === undefined ? {} : { locale: who.locale }),
      ...(who.guildId === undefined ? {} : { guildId: who.guildId }),
    };
    const payload = build(context);
    const record: FakeInteraction = {
      id: context.id,
      token: context.token,
      payload,
      createdAt: Date.now(),
      callbacks: [],
      edits: [],
      followUps: [],
      deletes: 0,
      response: (timeoutMs = 5000) =>
        this.waitFor(() => record.callbacks[0], timeoutMs, `the first response to interaction ${record.id}`),
      outcome: (timeoutMs = 5000) =>
        this.waitFor(() => this.outcomeOf(record), timeoutMs, `the outcome of interaction ${record.id}`),
    };
    this.interactions.set(context.token, record);
    return record;
  }

  /**
   * Treats `body` as the callback of `interaction` (what the HTTP endpoint
   * answered Discord): checked and applied exactly like a REST callback.
   */
  acceptCallback(interaction: FakeInteraction, body: unknown): Reply {
    const reply = this.callback(interaction.id, interaction.token, body, false);
    this.record(
      "POST",
      `/interactions/${interaction.id}/${interaction.token}/callback (HTTP response)`,
      new URLSearchParams(),
      body,
      reply,
    );
    return reply;
  }

  /** The current state of a message (after edits), or undefined when deleted. */
  message(id: string): APIMessage | undefined {
    const stored = this.messages.get(id);
    return stored && !stored.deleted ? structuredClone(stored.message) : undefined;
  }

  private dispatch(interaction: FakeInteraction): FakeInteraction {
    this.gateway.dispatch("INTERACTION_CREATE", interaction.payload);
    return interaction;
  }

  private outcomeOf(interaction: FakeInteraction): Outcome | undefined {
    const first = interaction.callbacks[0];
    if (!first) return undefined;
    const current = (id: string | undefined) => (id === undefined ? undefined : this.message(id));
    switch (first.type) {
      case 4: {
        const message = current(interaction.originalMessageId);
        return message && { via: "reply", deferred: false, message, callback: first };
      }
      case 7: {
        const message = current(this.componentMessageId(interaction));
        return message && { via: "update", deferred: false, message, callback: first };
      }
      case 8: {
        const choices = (first.data?.choices ?? []) as { name: string; value: string | number }[];
        return { via: "suggest", deferred: false, choices, callback: first };
      }
      default: {
        const followUp =
          interaction.followUps.length > 0 ? this.lastFollowUp.get(interaction.token) : undefined;
        if (followUp) {
          const message = current(followUp);
          return message && { via: "followUp", deferred: true, message, callback: first };
        }
        if (interaction.edits.length === 0) return undefined;
        const target =
          first.type === 5 ? interaction.originalMessageId : this.componentMessageId(interaction);
        const message = current(target);
        return message && { via: "edit", deferred: true, message, callback: first };
      }
    }
  }

  private componentMessageId(interaction: FakeInteraction): string | undefined {
    return isComponentInteraction(interaction.payload) ? interaction.payload.message.id : undefined;
  }

  // ---- REST -------------------------------------------------------------------------------------

  private async serve(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? "/", "http://127.0.0.1");
    const body = await readJson(req);
    const segments = url.pathname.split("/").filter(Boolean).map(decodeURIComponent);
    const [api, version, ...route] = segments;
    let reply: Reply;
    if (api !== "api" || !/^v\d+$/u.test(version ?? "")) reply = notFound();
    else reply = this.route(req.method ?? "GET", route, url.searchParams, body, req.headers.authorization);
    this.record(req.method ?? "GET", `/${route.join("/")}`, url.searchParams, body, reply);
    if (reply.body === undefined) res.writeHead(reply.status).end();
    else {
      const text = JSON.stringify(reply.body);
      res.writeHead(reply.status, { "content-type": "application/json" }).end(text);
    }
  }

  private record(method: string, route: string, query: URLSearchParams, body: unknown, reply: Reply): void {
    const request: RecordedRequest = { method, route, query, body, status: reply.status };
    this.requests.push(request);
    if (reply.status >= 400) this.rejections.push({ ...request, response: reply.body });
    this.changes.emit("change");
  }

  private route(
    method: string,
    route: string[],
    query: URLSearchParams,
    body: unknown,
    authorization: string | undefined,
  ): Reply {
    const bot = authorization === `Bot ${this.token}`;
    const [first, second, third, fourth, fifth, sixth] = route;
    if (first === "gateway") {
      if (second === "bot" && !bot) return unauthorized();
      return { status: 200, body: this.gatewayInfo(second === "bot") };
    }
    if (first === "interactions" && second && third && fourth === "callback" && method === "POST") {
      return this.callback(second, third, body, query.get("with_response") === "true");
    }
    if (first === "webhooks" && second && third) {
      if (second !== this.applicationId) return unknownWebhook();
      if (fourth === undefined && method === "POST")
        return this.followUp(third, body, query.get("wait") === "true");
      if (fourth === "messages" && fifth) return this.webhookMessage(method, third, fifth, body);
    }
    if (first === "channels" && second && third === "messages" && fourth === undefined && method === "POST") {
      if (!bot) return unauthorized();
      return this.channelMessage(second, body);
    }
    if (first === "applications" && second === this.applicationId) {
      if (!bot) return unauthorized();
      if (third === "commands" && fourth === undefined)
        return this.commandStore.route(method, "global", body);
      if (third === "guilds" && fourth && fifth === "commands" && sixth === undefined) {
        return this.commandStore.route(method, fourth, body);
      }
    }
    return notFound();
  }

  private gatewayInfo(forBot: boolean) {
    if (!forBot) return { url: this.gatewayUrl };
    return {
      url: this.gatewayUrl,
      shards: this.options.recommendedShards,
      session_start_limit: {
        total: 1000,
        remaining: 999,
        reset_after: 14_400_000,
        max_concurrency: this.options.maxConcurrency,
      },
    };
  }

  private callback(id: string, token: string, body: unknown, withResponse: boolean): Reply {
    const interaction = this.interactions.get(token);
    if (!interaction || interaction.id !== id) return unknownInteraction();
    const afterMs = Date.now() - interaction.createdAt;
    if (afterMs > this.options.responseDeadlineMs) return unknownInteraction();
    if (interaction.callbacks.length > 0) {
      return { status: 400, body: { message: "Interaction has already been acknowledged.", code: 40060 } };
    }
    if (!isObject(body) || typeof body.type !== "number") return invalid(typeProblem());
    const type = body.type;
    const data = isObject(body.data) ? body.data : undefined;
    const errors = new FormErrors();
    const kind = interaction.payload.type;
    const allowed: Record<number, number[]> = { 2: [4, 5], 3: [4, 5, 6, 7], 4: [8] };
    if (!(allowed[kind] ?? []).includes(type)) {
      errors.add(
        ["type"],
        "INTERACTION_RESPONSE_TYPE_INVALID",
        `Type ${type} cannot answer an interaction of type ${kind}.`,
      );
    } else if (type === 4 || type === 7) {
      this.checkOutgoing(data, ["data"], type === 4 ? "create" : "edit", errors);
    } else if (type === 5) {
      this.checkOutgoing(data ?? {}, ["data"], "create", errors, false);
    } else if (type === 8) {
      checkChoices(data, ["data"], errors);
    }
    if (!errors.ok) return invalid(errors);
    // Like Discord: the form first (50035), then whether the message says anything (50006).
    if (type === 4 && data && isEmptyMessage(data)) return emptyMessage();
    if (type === 7 && this.editLeavesEmpty(this.componentMessageId(interaction), data ?? {})) {
      return emptyMessage();
    }

    const record: CallbackRecord = { type, afterMs, ...(data ? { data } : {}) };
    let message: APIMessage | undefined;
    if (type === 4 || type === 5) {
      const ephemeral = (Number(data?.flags ?? 0) & EPHEMERAL) !== 0;
      message = this.store(
        {
          ...(type === 4 ? pickContent(data ?? {}) : {}),
          flags: (ephemeral ? EPHEMERAL : 0) | (type === 5 ? LOADING : 0),
        },
        interaction,
      );
      interaction.originalMessageId = message.id;
    } else if (type === 7) {
      message = this.edit(this.componentMessageId(interaction), data ?? {});
    }
    interaction.callbacks.push(record);
    if (!withResponse) return { status: 204 };
    return {
      status: 200,
      body: {
        interaction: {
          id: interaction.id,
          type: interaction.payload.type,
          ...(message
            ? {
                response_message_id: message.id,
                response_message_loading: type === 5,
                response_message_ephemeral: ((message.flags ?? 0) & EPHEMERAL) !== 0,
              }
            : {}),
        },
        ...(message ? { resource: { type, message } } : { resource: { type } }),
      },
    };
  }

  private webhookMessage(method: string, token: string, messageId: string, body: unknown): Reply {
    const interaction = this.interactions.get(token);
    if (!interaction) return unknownWebhook();
    const first = interaction.callbacks[0];
    let target: string | undefined = messageId;
    if (messageId === "@original") {
      target =
        first?.type === 6 || first?.type === 7
          ? this.componentMessageId(interaction)
          : interaction.originalMessageId;
    }
    const stored = target === undefined ? undefined : this.messages.get(target);
    if (!first || !stored || stored.deleted)
      return { status: 404, body: { message: "Unknown Message", code: 10008 } };
    if (method === "GET") return { status: 200, body: stored.message };
    if (method === "DELETE") {
      stored.deleted = true;
      interaction.deletes++;
      return { status: 204 };
    }
    if (method !== "PATCH") return notFound();
    const errors = new FormErrors();
    this.checkOutgoing(body, [], "edit", errors);
    if (!errors.ok) return invalid(errors);
    // An edit is checked as the message it leaves: Discord refuses to leave it empty.
    if (this.editLeavesEmpty(stored.message.id, isObject(body) ? body : {})) return emptyMessage();
    const edited = this.edit(stored.message.id, isObject(body) ? body : {});
    interaction.edits.push(isObject(body) ? body : {});
    return { status: 200, body: edited };
  }

  private followUp(token: string, body: unknown, wait: boolean): Reply {
    const interaction = this.interactions.get(token);
    if (!interaction) return unknownWebhook();
    if (interaction.callbacks.length === 0)
      return { status: 404, body: { message: "Unknown Webhook", code: 10015 } };
    const errors = new FormErrors();
    this.checkOutgoing(body, [], "create", errors);
    if (!errors.ok) return invalid(errors);
    const data = isObject(body) ? body : {};
    if (isEmptyMessage(data)) return emptyMessage();
    const message = this.store(
      { ...pickContent(data), flags: Number(data.flags ?? 0) & EPHEMERAL },
      interaction,
    );
    interaction.followUps.push(data);
    this.lastFollowUp.set(token, message.id);
    return wait ? { status: 200, body: message } : { status: 204 };
  }

  // Like Discord: the bot posts to a channel with its token; the form is checked as for any message.
  private channelMessage(channelId: string, body: unknown): Reply {
    const errors = new FormErrors();
    this.checkOutgoing(body, [], "create", errors);
    if (!errors.ok) return invalid(errors);
    const data = isObject(body) ? body : {};
    if (isEmptyMessage(data)) return emptyMessage();
    const message = {
      ...messageObject(snowflake(), this.applicationId, pickContent(data)),
      channel_id: channelId,
    };
    this.messages.set(message.id, { message, deleted: false });
    this.channelMessages.push({ channelId, body: data });
    this.changes.emit("change");
    return { status: 200, body: message };
  }

  private checkOutgoing(
    body: unknown,
    path: (string | number)[],
    use: MessageUse,
    errors: FormErrors,
    isMessage = true,
  ): void {
    checkMessage(body, path, use, errors);
    if (!isMessage || !this.options.requireNoMentions || !isObject(body)) return;
    const mentions = body.allowed_mentions;
    const none = isObject(mentions) && Array.isArray(mentions.parse) && mentions.parse.length === 0;
    if (!none) {
      errors.add(
        [...path, "allowed_mentions"],
        "TEST_POLICY_NO_MENTIONS",
        "Backstory sends allowed_mentions: { parse: [] }.",
      );
    }
  }

  private editLeavesEmpty(messageId: string | undefined, changes: Record<string, unknown>): boolean {
    const stored = messageId === undefined ? undefined : this.messages.get(messageId);
    if (!stored) return false;
    const current = pickContent(stored.message as unknown as Record<string, unknown>);
    return isEmptyMessage({ ...current, ...pickContent(changes) });
  }

  private store(content: Record<string, unknown>, interaction: FakeInteraction): APIMessage {
    const message = messageObject(snowflake(), this.applicationId, content, {
      id: interaction.id,
      userId: DEFAULT_USER_ID,
    });
    this.messages.set(message.id, { message, deleted: false });
    return structuredClone(message);
  }

  private edit(messageId: string | undefined, changes: Record<string, unknown>): APIMessage | undefined {
    const stored = messageId === undefined ? undefined : this.messages.get(messageId);
    if (!stored) return undefined;
    const next = { ...stored.message, ...pickContent(changes), edited_timestamp: new Date().toISOString() };
    next.flags = (stored.message.flags ?? 0) & ~LOADING;
    stored.message = next as APIMessage;
    return structuredClone(stored.message);
  }
}

function pickContent(data: Record<string, unknown>): Record<string, unknown> {
  const picked: Record<string, unknown> = {};
  for (const key of ["content", "embeds", "components"]) {
    if (data[key] !== undefined) picked[key] = data[key];
  }
  return picked;
}

function findButton(message: APIMessage, customId: string): { disabled?: boolean } | undefined {
  for (const row of message.components ?? []) {
    if (!("components" in row)) continue;
    for (const component of row.components) {
      if ("custom_id" in component && component.custom_id === customId)
        return component as { disabled?: boolean };
    }
  }
  return undefined;
}

export type { FakeInteraction, Outcome } from "./interaction-record.js";
