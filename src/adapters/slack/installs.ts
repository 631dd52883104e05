import type { RequestListener, ServerResponse } from "node:http";
import type { HTTPReceiver, HTTPReceiverOptions, webApi } from "@slack/bolt";
import type { Logger } from "../../logger.js";
import type { SlackInstallsOptions } from "./create-slack-app.js";
import { SLACK_INSTALL_PATH, SLACK_OAUTH_REDIRECT_PATH } from "./events-path.js";
import { isDeferredByBolt } from "./http-listener.js";
import { SLACK_BOT_SCOPES } from "./manifest.js";

/**
 * Bolt's OAuth settings for an HTTPReceiver: its InstallProvider serves the install
 * and redirect paths, keeps installations in `installationStore`, and authorizes each
 * request with its workspace's installation. The state is signed with the state
 * secret (a cookie and the `state` parameter, both checked), so the redirect may
 * reach any replica.
 */
export function oauthReceiverOptions(
  installs: SlackInstallsOptions,
  clientOptions: webApi.WebClientOptions,
): Partial<HTTPReceiverOptions> {
  return {
    clientId: installs.clientId,
    clientSecret: installs.clientSecret,
    stateSecret: installs.stateSecret,
    installationStore: installs.installationStore,
    scopes: [...SLACK_BOT_SCOPES],
    installerOptions: {
      // `/slack/install` goes straight to Slack's approval page (no intermediate page to click).
      directInstall: true,
      installPath: SLACK_INSTALL_PATH,
      redirectUriPath: SLACK_OAUTH_REDIRECT_PATH,
      stateVerification: true,
      clientOptions,
      ...(installs.authorizationUrl ? { authorizationUrl: installs.authorizationUrl } : {}),
    },
  };
}

/** The install and redirect paths, answered by Bolt's InstallProvider (GET only). */
export function installRequests(receiver: HTTPReceiver, logger: Logger): RequestListener {
  return (req, res) => {
    if (req.method !== "GET") return reply(res, 405, { allow: "GET" });
    try {
      receiver.requestListener(req, res);
    } catch (error) {
      if (isDeferredByBolt(error)) return reply(res, 404);
      logger.error({ err: error }, "slack: install request could not be handled");
      if (!res.headersSent) reply(res, 500);
    }
  };
}

function reply(res: ServerResponse, status: number, headers: Record<string, string> = {}): void {
  res.writeHead(status, headers);
  res.end();
}
