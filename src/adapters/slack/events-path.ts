/** Where Slack sends slash commands, interactivity and events in HTTP mode. */
export const SLACK_EVENTS_PATH = "/slack/events";
