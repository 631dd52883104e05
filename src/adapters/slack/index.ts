/**
 * The Slack adapter: a Bolt app over HTTP or Socket Mode, the Block Kit renderer and
 * the app manifest built from the command table.
 */
export { createSlackApp, type SlackApp, type SlackAppOptions } from "./create-slack-app.js";
export { SLACK_EVENTS_PATH } from "./events-path.js";
export { buildSlackManifest, type SlackManifest, type SlackManifestOptions } from "./manifest.js";
export { renderSlackAnswer, renderSlackView, type SlackMessage } from "./render-blocks.js";
