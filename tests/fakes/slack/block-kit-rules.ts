/**
 * Slack's documented rules for messages, written out here from Slack's reference
 * (Block Kit blocks, block elements and composition objects; chat.postMessage,
 * chat.postEphemeral; "Handling user interaction" for response_url and acks) on
 * purpose rather than imported from the adapter: a wrong limit in the adapter must
 * not be copied into the fake that is meant to catch it.
 *
 * Lengths are counted in UTF-16 units, as JavaScript does (never fewer than Slack counts).
 */
export const SLACK_DOCUMENTED_LIMITS = {
  /** Blocks in one message. */
  blocks: 50,
  /** `block_id`, `action_id`. */
  blockId: 255,
  actionId: 255,
  /** A section's text; a context element's text; any text object not limited further. */
  sectionText: 3000,
  sectionFields: 10,
  sectionFieldText: 2000,
  /** A header's plain_text. */
  headerText: 150,
  contextElements: 10,
  actionsElements: 25,
  /** A button's plain_text, its value, its url, its accessibility label. */
  buttonText: 75,
  buttonValue: 2000,
  url: 3000,
  accessibilityLabel: 75,
  imageAltText: 2000,
  /** A markdown block's text (cumulative per message, per Slack's reference). */
  markdownText: 12_000,
  /** The top-level `text` of a message (chat.postMessage: truncated beyond, refused as msg_too_long). */
  messageText: 40_000,
} as const;

/** What Slack answers for a message it refuses, as `{ok: false, error, errors?}`. */
export interface SlackRefusal {
  error: string;
  /** Details, each ending with `[json-pointer:/blocks/…]` as Slack's do. */
  errors: string[];
}

/** Where a message is sent: the Web API, a response_url, or the ack of a slash command. */
export type MessageSurface = "web_api" | "response_url" | "ack";

const BLOCK_TYPES = new Set([
  "section",
  "header",
  "context",
  "actions",
  "divider",
  "image",
  "rich_text",
  "markdown",
]);
const INTERACTIVE_TYPES = new Set([
  "button",
  "checkboxes",
  "datepicker",
  "datetimepicker",
  "overflow",
  "radio_buttons",
  "static_select",
  "external_select",
  "users_select",
  "conversations_select",
  "channels_select",
  "multi_static_select",
  "multi_external_select",
  "multi_users_select",
  "multi_conversations_select",
  "multi_channels_select",
  "timepicker",
]);
const RESPONSE_TYPES = new Set(["in_channel", "ephemeral"]);
const BUTTON_STYLES = new Set(["primary", "danger"]);
const BOOLEAN_FLAGS = ["unfurl_links", "unfurl_media", "mrkdwn", "reply_broadcast"] as const;
const TS = /^\d+\.\d+$/u;

type Json = Record<string, unknown>;

/**
 * What Slack would refuse in a message: `invalid_blocks_format` when `blocks` is
 * not a list, `invalid_blocks` for any block breaking a rule, `no_text` when there
 * is nothing to show, `msg_too_long`, `invalid_arguments` for a bad flag or
 * `response_type`. Undefined when Slack would accept it.
 */
export function messageRefusal(payload: unknown, surface: MessageSurface): SlackRefusal | undefined {
  if (!isObject(payload)) return { error: "invalid_arguments", errors: ["the body is not an object"] };
  const flags = flagErrors(payload, surface);
  if (flags.length > 0) return { error: "invalid_arguments", errors: flags };
  if (surface === "response_url" && payload.delete_original === true) return undefined;
  const { blocks, text } = payload;
  if (blocks !== undefined && !Array.isArray(blocks)) {
    return { error: "invalid_blocks_format", errors: ["blocks must be an array [json-pointer:/blocks]"] };
  }
  if (text !== undefined && typeof text !== "string") {
    return { error: "invalid_arguments", errors: ["text must be a string [json-pointer:/text]"] };
  }
  if (typeof text === "string" && text.length > SLACK_DOCUMENTED_LIMITS.messageText) {
    return { error: "msg_too_long", errors: [] };
  }
  if (blocks !== undefined) {
    const errors = blockErrors(blocks as unknown[]);
    if (errors.length > 0) return { error: "invalid_blocks", errors };
  }
  const saysSomething =
    (typeof text === "string" && text.trim() !== "") ||
    (Array.isArray(blocks) && blocks.length > 0) ||
    (Array.isArray(payload.attachments) && payload.attachments.length > 0);
  if (!saysSomething) return { error: "no_text", errors: [] };
  return undefined;
}

/** Every Block Kit rule a list of message blocks breaks. */
export function blockErrors(blocks: readonly unknown[]): string[] {
  const errors: string[] = [];
  const L = SLACK_DOCUMENTED_LIMITS;
  if (blocks.length > L.blocks) errors.push(`no more than ${L.blocks} items allowed [json-pointer:/blocks]`);
  const blockIds = new Set<string>();
  blocks.forEach((block, i) => {
    const at = `/blocks/${i}`;
    if (!isObject(block) || typeof block.type !== "string") {
      errors.push(`must provide an object with a type [json-pointer:${at}]`);
      return;
    }
    if (!BLOCK_TYPES.has(block.type)) {
      errors.push(`unsupported type: ${block.type} [json-pointer:${at}/type]`);
      return;
    }
    if (block.block_id !== undefined) {
      if (typeof block.block_id !== "string" || block.block_id === "") {
        errors.push(`must be a non-empty string [json-pointer:${at}/block_id]`);
      } else {
        maxLength(errors, block.block_id, L.blockId, `${at}/block_id`);
        if (blockIds.has(block.block_id)) errors.push(`duplicate block_id [json-pointer:${at}/block_id]`);
        blockIds.add(block.block_id);
      }
    }
    switch (block.type) {
      case "section":
        sectionErrors(block, at, errors);
        break;
      case "header":
        textObjectErrors(block.text, `${at}/text`, L.headerText, errors, "plain_text");
        break;
      case "context":
        contextErrors(block, at, errors);
        break;
      case "actions":
        actionsErrors(block, at, errors);
        break;
      case "image":
        imageErrors(block, at, errors);
        break;
      case "markdown":
        requiredString(errors, block.text, L.markdownText, `${at}/text`);
        break;
      case "rich_text":
        if (!Array.isArray(block.elements))
          errors.push(`must provide an array [json-pointer:${at}/elements]`);
        break;
      default:
        break;
    }
  });
  return errors;
}

function sectionErrors(block: Json, at: string, errors: string[]): void {
  const L = SLACK_DOCUMENTED_LIMITS;
  if (block.text === undefined && block.fields === undefined) {
    errors.push(`must provide either text or fields [json-pointer:${at}]`);
  }
  if (block.text !== undefined) textObjectErrors(block.text, `${at}/text`, L.sectionText, errors);
  if (block.fields !== undefined) {
    if (!Array.isArray(block.fields) || block.fields.length < 1 || block.fields.length > L.sectionFields) {
      errors.push(`must provide between 1 and ${L.sectionFields} items [json-pointer:${at}/fields]`);
    } else {
      block.fields.forEach((field: unknown, f) => {
        textObjectErrors(field, `${at}/fields/${f}`, L.sectionFieldText, errors);
      });
    }
  }
  if (block.accessory !== undefined) elementErrors(block.accessory, `${at}/accessory`, errors, new Set());
}

function contextErrors(block: Json, at: string, errors: string[]): void {
  const L = SLACK_DOCUMENTED_LIMITS;
  const elements = block.elements;
  if (!Array.isArray(elements) || elements.length < 1 || elements.length > L.contextElements) {
    errors.push(`must provide between 1 and ${L.contextElements} items [json-pointer:${at}/elements]`);
    return;
  }
  elements.forEach((element: unknown, e) => {
    const where = `${at}/elements/${e}`;
    if (isObject(element) && element.type === "image") imageErrors(element, where, errors);
    else textObjectErrors(element, where, L.sectionText, errors);
  });
}

function actionsErrors(block: Json, at: string, errors: string[]): void {
  const L = SLACK_DOCUMENTED_LIMITS;
  const elements = block.elements;
  if (!Array.isArray(elements) || elements.length < 1 || elements.length > L.actionsElements) {
    errors.push(`must provide between 1 and ${L.actionsElements} items [json-pointer:${at}/elements]`);
    return;
  }
  const actionIds = new Set<string>();
  elements.forEach((element: unknown, e) => {
    elementErrors(element, `${at}/elements/${e}`, errors, actionIds);
  });
}

/** An interactive element; `actionIds` holds those already used in the containing block. */
function elementErrors(element: unknown, at: string, errors: string[], actionIds: Set<string>): void {
  const L = SLACK_DOCUMENTED_LIMITS;
  if (!isObject(element) || typeof element.type !== "string") {
    errors.push(`must provide an object with a type [json-pointer:${at}]`);
    return;
  }
  if (element.type === "image") {
    imageErrors(element, at, errors);
    return;
  }
  if (!INTERACTIVE_TYPES.has(element.type)) {
    errors.push(`unsupported type: ${element.type} [json-pointer:${at}/type]`);
    return;
  }
  if (element.action_id !== undefined) {
    requiredString(errors, element.action_id, L.actionId, `${at}/action_id`);
    if (typeof element.action_id === "string") {
      if (actionIds.has(element.action_id)) {
        errors.push(`duplicate action_id in the block [json-pointer:${at}/action_id]`);
      }
      actionIds.add(element.action_id);
    }
  }
  if (element.type !== "button") return;
  textObjectErrors(element.text, `${at}/text`, L.buttonText, errors, "plain_text");
  if (element.value !== undefined) requiredString(errors, element.value, L.buttonValue, `${at}/value`);
  if (element.url !== undefined) urlErrors(element.url, `${at}/url`, errors);
  if (element.style !== undefined && !BUTTON_STYLES.has(String(element.style))) {
    errors.push(`must be one of primary, danger [json-pointer:${at}/style]`);
  }
  if (element.accessibility_label !== undefined) {
    requiredString(errors, element.accessibility_label, L.accessibilityLabel, `${at}/accessibility_label`);
  }
}

function imageErrors(image: Json, at: string, errors: string[]): void {
  const L = SLACK_DOCUMENTED_LIMITS;
  if (image.image_url === undefined && image.slack_file === undefined) {
    errors.push(`must provide either image_url or slack_file [json-pointer:${at}]`);
  }
  if (image.image_url !== undefined) urlErrors(image.image_url, `${at}/image_url`, errors);
  requiredString(errors, image.alt_text, L.imageAltText, `${at}/alt_text`);
}

function urlErrors(url: unknown, at: string, errors: string[]): void {
  if (typeof url !== "string" || !URL.canParse(url) || !/^https?:$/u.test(new URL(url).protocol)) {
    errors.push(`must be a valid http(s) URL [json-pointer:${at}]`);
    return;
  }
  maxLength(errors, url, SLACK_DOCUMENTED_LIMITS.url, at);
}

/** A composition text object: `plain_text` or `mrkdwn`, 1 to `max` characters. */
function textObjectErrors(
  value: unknown,
  at: string,
  max: number,
  errors: string[],
  only?: "plain_text",
): void {
  if (!isObject(value)) {
    errors.push(`must provide an object [json-pointer:${at}]`);
    return;
  }
  if (value.type !== "plain_text" && value.type !== "mrkdwn") {
    errors.push(`must be one of plain_text, mrkdwn [json-pointer:${at}/type]`);
    return;
  }
  if (only !== undefined && value.type !== only) {
    errors.push(`must be a ${only} text object [json-pointer:${at}/type]`);
  }
  if (value.emoji !== undefined && (value.type !== "plain_text" || typeof value.emoji !== "boolean")) {
    errors.push(`emoji is only allowed on plain_text, as a boolean [json-pointer:${at}/emoji]`);
  }
  if (value.verbatim !== undefined && (value.type !== "mrkdwn" || typeof value.verbatim !== "boolean")) {
    errors.push(`verbatim is only allowed on mrkdwn, as a boolean [json-pointer:${at}/verbatim]`);
  }
  requiredString(errors, value.text, max, `${at}/text`);
}

function requiredString(errors: string[], value: unknown, max: number, at: string): void {
  if (typeof value !== "string" || value.length === 0) {
    errors.push(`must be more than 0 characters [json-pointer:${at}]`);
    return;
  }
  maxLength(errors, value, max, at);
}

function maxLength(errors: string[], value: string, max: number, at: string): void {
  if (value.length > max) errors.push(`must be less than ${max + 1} characters [json-pointer:${at}]`);
}

function flagErrors(payload: Json, surface: MessageSurface): string[] {
  const errors: string[] = [];
  if (surface !== "web_api" && payload.response_type !== undefined) {
    if (!RESPONSE_TYPES.has(String(payload.response_type))) {
      errors.push("response_type must be in_channel or ephemeral [json-pointer:/response_type]");
    }
  }
  const booleans: string[] = [...BOOLEAN_FLAGS];
  if (surface === "response_url") booleans.push("replace_original", "delete_original");
  for (const flag of booleans) {
    const value = payload[flag];
    // The Web API takes form fields ("true"), a response_url JSON booleans.
    const ok =
      value === undefined ||
      typeof value === "boolean" ||
      (surface === "web_api" && (value === "true" || value === "false"));
    if (!ok) errors.push(`${flag} must be a boolean [json-pointer:/${flag}]`);
  }
  if (
    payload.thread_ts !== undefined &&
    (typeof payload.thread_ts !== "string" || !TS.test(payload.thread_ts))
  ) {
    errors.push("thread_ts must be a message timestamp [json-pointer:/thread_ts]");
  }
  return errors;
}

export function isObject(value: unknown): value is Json {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
