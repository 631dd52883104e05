/** Where Slack sends slash commands, interactivity and events in HTTP mode. */
export const SLACK_EVENTS_PATH = "/slack/events";
/** Where an install starts (Bolt's default path): it redirects to Slack's approval page. */
export const SLACK_INSTALL_PATH = "/slack/install";
/** Where Slack sends a workspace back after it approved an install (Bolt's default path). */
export const SLACK_OAUTH_REDIRECT_PATH = "/slack/oauth_redirect";
