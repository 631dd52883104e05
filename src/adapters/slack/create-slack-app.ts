import type { RequestListener } from "node:http";
import { App, HTTPReceiver, type InstallationStore, SocketModeReceiver, type webApi } from "@slack/bolt";
import type { Logger } from "../../logger.js";
import type { Asker } from "../../service/asker.js";
import type { Insights } from "../../service/insights/insights.js";
import { ANSWER_BUDGET_MS } from "../deadlines.js";
import { type BotAuthorization, botAuthorization } from "./authorize.js";
import { toBoltLogger } from "./bolt-logger.js";
import type { ListenerDeps } from "./deps.js";
import { SLACK_EVENTS_PATH } from "./events-path.js";
import { DEFAULT_MAX_BODY_BYTES, guardSlackRequests } from "./http-listener.js";
import { installRequests, oauthReceiverOptions } from "./installs.js";
import { onButtons } from "./on-button.js";
import { onMentions } from "./on-mention.js";
import { onSlashCommands } from "./on-slash-command.js";
import { onUnhandledError } from "./on-unhandled-error.js";
import { onUninstall } from "./on-uninstall.js";
import { onVotes } from "./on-vote.js";

/** Options of createSlackApp. */
export interface SlackAppOptions {
  /** Answers questions; the adapter never touches the engine. */
  asker: Asker;
  logger: Logger;
  /** Bot User OAuth Token (`xoxb-…`): one workspace. Either this or `installs`. */
  botToken?: string;
  /**
   * Multi-workspace: any workspace installs the app through Bolt's OAuth flow, and
   * each request is authorized with its own workspace's token (HTTP mode only).
   */
  installs?: SlackInstallsOptions;
  /** Signing secret: required in HTTP mode, unused in Socket Mode. */
  signingSecret?: string;
  /** App-level token (`xapp-…`): when given, the app runs in Socket Mode. */
  appToken?: string;
  /** Slack Web API base URL (GovSlack, a proxy, or a local fake in tests). Default: Slack's. */
  apiUrl?: string;
  /** Slash-command answers are ephemeral unless the text says `public`. */
  defaultPrivate: boolean;
  /** HTTP mode: how long Bolt waits for a listener to ack before answering Slack itself. Default 3001 ms. */
  ackTimeoutMs?: number;
  /** HTTP mode: largest request body accepted (413 above). Default 1 MiB. */
  maxBodyBytes?: number;
  /**
   * How long a slash command's answer may take to be sent as the ack itself; a slower
   * one is acked empty and sent to the response_url. Default 2,000 ms; with `ackTimeoutMs`,
   * at most `ackTimeoutMs` − 1,000 ms.
   */
  answerBudgetMs?: number;
  /** Records Helpful / Not helpful clicks (insights on). */
  insights?: Insights;
}

/** What multi-workspace installs need (SLACK_CLIENT_ID, SLACK_CLIENT_SECRET, SLACK_STATE_SECRET). */
export interface SlackInstallsOptions {
  clientId: string;
  clientSecret: string;
  /** Signs the OAuth state (a cookie and the `state` parameter), so any replica can check it. */
  stateSecret: string;
  /** Where installations live (the database). */
  installationStore: InstallationStore;
  /** Slack's approval page (default Slack's; a local fake in tests). */
  authorizationUrl?: string;
}

/** A running (or ready to run) Slack app. */
export interface SlackApp {
  /** The Bolt app, with every listener registered. */
  app: App;
  /**
   * HTTP mode only: mount it for `POST /slack/events` on the shared server, passing the
   * request untouched (unread body, original URL). It checks the signature, the
   * 5-minute window and the body size before anything runs (see guardSlackRequests).
   */
  requestListener?: RequestListener;
  /**
   * Installs only: mount it for `GET /slack/install` and `GET /slack/oauth_redirect`.
   * Bolt's InstallProvider: the first redirects to Slack's approval page with a signed
   * state; the second checks that state, exchanges the code (`oauth.v2.access`) and stores
   * the installation.
   */
  installListener?: RequestListener;
  /** Socket Mode: verifies the token and connects. HTTP mode: verifies the token. */
  start(): Promise<void>;
  /** Socket Mode: disconnects. HTTP mode: nothing to close (the shared server owns the port). */
  stop(): Promise<void>;
}

// An interactive answer is worthless minutes later: a few quick retries, not Bolt's
// default of ten spread over half an hour.
const RETRY_CONFIG = { retries: 2, factor: 2, minTimeout: 300, maxTimeout: 2000 };
const API_TIMEOUT_MS = 10_000;

/**
 * Builds the Slack adapter on a real Bolt app: every command of the table as a slash
 * command plus `/backstory`, Previous / Next / Share buttons, and `@Backstory`
 * mentions answered in a thread. HTTP mode when there is no `appToken`, Socket Mode
 * otherwise. Throws when HTTP mode has no signing secret.
 */
export function createSlackApp(options: SlackAppOptions): SlackApp {
  const logger = options.logger.child({ platform: "slack" });
  const boltLogger = toBoltLogger(logger, [
    options.botToken,
    options.signingSecret,
    options.appToken,
    options.installs?.clientSecret,
    options.installs?.stateSecret,
  ]);
  const clientOptions = (): webApi.WebClientOptions => {
    const base: webApi.WebClientOptions = {
      retryConfig: { ...RETRY_CONFIG },
      timeout: API_TIMEOUT_MS,
      // The original HTTP error carries the request, with the token in its headers and body: never keep it.
      attachOriginalToWebAPIRequestError: false,
    };
    if (options.apiUrl !== undefined) base.slackApiUrl = withTrailingSlash(options.apiUrl);
    return base;
  };
  const installs = options.installs;
  if (installs && options.appToken) throw new Error("Slack installs run over HTTP, not Socket Mode.");
  if (!installs && options.botToken === undefined) {
    throw new Error("The Slack app needs a bot token (one workspace) or install options (many).");
  }
  const receiver = options.appToken
    ? new SocketModeReceiver({
        appToken: options.appToken,
        logger: boltLogger,
        installerOptions: { clientOptions: clientOptions() },
      })
    : new HTTPReceiver({
        signingSecret: requireSigningSecret(options.signingSecret),
        // Verified once, by guardSlackRequests (see there why ours and not Bolt's).
        signatureVerification: false,
        endpoints: SLACK_EVENTS_PATH,
        logger: boltLogger,
        ...(options.ackTimeoutMs === undefined
          ? {}
          : { unhandledRequestTimeoutMillis: options.ackTimeoutMs }),
        ...(installs ? oauthReceiverOptions(installs, clientOptions()) : {}),
      });
  const authorization: BotAuthorization | undefined =
    options.botToken === undefined ? undefined : botAuthorization(() => app.client, options.botToken);
  const app: App = new App({
    receiver,
    // Installs: Bolt authorizes each request with its workspace's installation (the receiver's installer).
    ...(authorization ? { authorize: authorization.authorize } : {}),
    logger: boltLogger,
    clientOptions: clientOptions(),
    convoStore: false,
    extendedErrorHandler: true,
  });
  const deps: ListenerDeps = {
    asker: options.asker,
    logger,
    defaultVisibility: options.defaultPrivate ? "private" : "public",
    slashAnswerBudgetMs: answerBudget(options),
    ...(options.insights ? { insights: options.insights } : {}),
  };
  onSlashCommands(app, deps);
  onButtons(app, deps);
  onVotes(app, deps);
  onMentions(app, deps);
  onUnhandledError(app, logger);
  if (installs) onUninstall(app, installs.installationStore, logger);

  if (receiver instanceof SocketModeReceiver) {
    return {
      app,
      start: async () => {
        await authorization?.verify();
        await receiver.start();
        logger.info("slack: connected in Socket Mode");
      },
      stop: () => receiver.stop(),
    };
  }
  const maxBodyBytes = options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES;
  return {
    app,
    requestListener: guardSlackRequests(receiver.requestListener, {
      maxBodyBytes,
      logger,
      signingSecret: requireSigningSecret(options.signingSecret),
    }),
    ...(installs ? { installListener: installRequests(receiver, logger) } : {}),
    // Installs: no one token to check at start; each workspace's is checked when it installs.
    start: async () => {
      await authorization?.verify();
    },
    stop: async () => {},
  };
}

// Bolt answers 404 itself when nothing acks within ackTimeoutMs: the budget must end well before.
function answerBudget(options: SlackAppOptions): number {
  const budget = options.answerBudgetMs ?? ANSWER_BUDGET_MS;
  const ackTimeoutMs = options.ackTimeoutMs ?? Number.POSITIVE_INFINITY;
  return Math.max(0, Math.min(budget, ackTimeoutMs - 1000));
}

function requireSigningSecret(secret: string | undefined): string {
  if (secret === undefined || secret === "") {
    throw new Error(
      "Slack HTTP mode needs SLACK_SIGNING_SECRET (Basic Information → Signing Secret), or set SLACK_APP_TOKEN for Socket Mode.",
    );
  }
  return secret;
}

function withTrailingSlash(url: string): string {
  return url.endsWith("/") ? url : `${url}/`;
}
