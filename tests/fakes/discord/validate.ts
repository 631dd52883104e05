import type { FormErrors } from "./form-errors.js";

/**
 * Discord's limits, written out here from Discord's documentation on purpose
 * rather than imported from the adapter: a limit bug in the adapter must not
 * be copied into the fake that is meant to catch it.
 */
export const DOCUMENTED_LIMITS = {
  content: 2000,
  embeds: 10,
  title: 256,
  description: 4096,
  fields: 25,
  fieldName: 256,
  fieldValue: 1024,
  footer: 2048,
  author: 256,
  embedTotal: 6000,
  actionRows: 5,
  rowComponents: 5,
  customId: 100,
  label: 80,
  choices: 25,
  choiceName: 100,
  choiceValue: 100,
  /** A link button's url. */
  buttonUrl: 512,
  /** Users or roles named in allowed_mentions. */
  mentionIds: 100,
} as const;

const EPHEMERAL = 64;
const SUPPRESS_EMBEDS = 4;
const SUPPRESS_NOTIFICATIONS = 4096;

type Path = readonly (string | number)[];
type Json = Record<string, unknown>;

/** How a message body is being sent: created, or edited (which cannot change visibility). */
export type MessageUse = "create" | "edit";

/** Checks a message body (callback data, webhook edit or follow-up) against Discord's limits. */
export function checkMessage(body: unknown, path: Path, use: MessageUse, errors: FormErrors): void {
  if (!isObject(body)) {
    errors.add(path, "DICT_TYPE_CONVERT", "Only dictionaries may be used in a DictType");
    return;
  }
  errors.optionalText([...path, "content"], body.content, DOCUMENTED_LIMITS.content);
  checkEmbeds(body.embeds, [...path, "embeds"], errors);
  checkComponents(body.components, [...path, "components"], errors);
  checkAllowedMentions(body.allowed_mentions, [...path, "allowed_mentions"], errors);
  checkFlags(body.flags, [...path, "flags"], use, errors);
}

/** Whether a message to create says nothing at all (Discord answers 50006 "Cannot send an empty message"). */
export function isEmptyMessage(body: Json): boolean {
  const content = typeof body.content === "string" ? body.content.trim() : "";
  const embeds = Array.isArray(body.embeds) ? body.embeds.length : 0;
  const components = Array.isArray(body.components) ? body.components.length : 0;
  return content === "" && embeds === 0 && components === 0;
}

function checkEmbeds(value: unknown, path: Path, errors: FormErrors): void {
  if (value === undefined || value === null) return;
  if (!Array.isArray(value)) {
    errors.add(path, "LIST_TYPE_CONVERT", "Only iterables may be used in a ListType");
    return;
  }
  errors.maxItems(path, value, DOCUMENTED_LIMITS.embeds);
  let total = 0;
  value.forEach((embed: unknown, i) => {
    total += checkEmbed(embed, [...path, i], errors);
  });
  if (total > DOCUMENTED_LIMITS.embedTotal) {
    errors.add(path, "MAX_EMBED_SIZE_EXCEEDED", "Embed size exceeds maximum size of 6000");
  }
}

/** Checks one embed; returns the characters it counts towards the 6000 of a message. */
function checkEmbed(embed: unknown, path: Path, errors: FormErrors): number {
  if (!isObject(embed)) {
    errors.add(path, "DICT_TYPE_CONVERT", "Only dictionaries may be used in a DictType");
    return 0;
  }
  let total = 0;
  const text = (key: string, max: number): void => {
    const value = embed[key];
    errors.optionalText([...path, key], value, max);
    if (typeof value === "string") total += value.length;
  };
  text("title", DOCUMENTED_LIMITS.title);
  text("description", DOCUMENTED_LIMITS.description);
  if (embed.url !== undefined) checkUrl(embed.url, [...path, "url"], WEB, errors);
  if (embed.timestamp !== undefined && !isIsoTimestamp(embed.timestamp)) {
    errors.add(
      [...path, "timestamp"],
      "DATE_TIME_TYPE_PARSE",
      `Could not parse ${JSON.stringify(embed.timestamp)}. Should be ISO8601.`,
    );
  }
  if (
    embed.color !== undefined &&
    !(Number.isInteger(embed.color) && Number(embed.color) >= 0 && Number(embed.color) <= 0xffffff)
  ) {
    errors.add([...path, "color"], "NUMBER_TYPE_MAX", "int value should be between 0 and 16777215.");
  }
  for (const media of ["thumbnail", "image", "video"]) {
    if (embed[media] === undefined) continue;
    const object = isObject(embed[media]) ? embed[media] : {};
    checkUrl(object.url, [...path, media, "url"], MEDIA, errors);
  }
  if (embed.footer !== undefined) {
    const footer = isObject(embed.footer) ? embed.footer : {};
    errors.requiredText([...path, "footer", "text"], footer.text, DOCUMENTED_LIMITS.footer);
    if (typeof footer.text === "string") total += footer.text.length;
    if (footer.icon_url !== undefined)
      checkUrl(footer.icon_url, [...path, "footer", "icon_url"], MEDIA, errors);
  }
  if (embed.author !== undefined) {
    const author = isObject(embed.author) ? embed.author : {};
    errors.requiredText([...path, "author", "name"], author.name, DOCUMENTED_LIMITS.author);
    if (typeof author.name === "string") total += author.name.length;
    if (author.url !== undefined) checkUrl(author.url, [...path, "author", "url"], WEB, errors);
    if (author.icon_url !== undefined)
      checkUrl(author.icon_url, [...path, "author", "icon_url"], MEDIA, errors);
  }
  if (embed.fields !== undefined) {
    const fields = Array.isArray(embed.fields) ? embed.fields : [];
    errors.maxItems([...path, "fields"], fields, DOCUMENTED_LIMITS.fields);
    fields.forEach((field: unknown, i) => {
      const f = isObject(field) ? field : {};
      errors.requiredText([...path, "fields", i, "name"], f.name, DOCUMENTED_LIMITS.fieldName);
      errors.requiredText([...path, "fields", i, "value"], f.value, DOCUMENTED_LIMITS.fieldValue);
      if (typeof f.name === "string") total += f.name.length;
      if (typeof f.value === "string") total += f.value.length;
      if (f.inline !== undefined && typeof f.inline !== "boolean") {
        errors.add([...path, "fields", i, "inline"], "BASE_TYPE_BOOLEAN", "Must be either true or false.");
      }
    });
  }
  return total;
}

function checkComponents(value: unknown, path: Path, errors: FormErrors): void {
  if (value === undefined || value === null) return;
  if (!Array.isArray(value)) {
    errors.add(path, "LIST_TYPE_CONVERT", "Only iterables may be used in a ListType");
    return;
  }
  errors.maxItems(path, value, DOCUMENTED_LIMITS.actionRows);
  const customIds = new Set<string>();
  value.forEach((row: unknown, r) => {
    const rowPath = [...path, r];
    if (!isObject(row) || row.type !== 1 || !Array.isArray(row.components)) {
      errors.add(rowPath, "UNION_TYPE_CHOICES", 'Value of field "type" must be one of (1,).');
      return;
    }
    if (row.components.length === 0 || row.components.length > DOCUMENTED_LIMITS.rowComponents) {
      errors.add([...rowPath, "components"], "BASE_TYPE_BAD_LENGTH", "Must be between 1 and 5 in length.");
    }
    row.components.forEach((button: unknown, b) => {
      checkButton(button, [...rowPath, "components", b], customIds, errors);
    });
  });
}

function checkButton(button: unknown, path: Path, customIds: Set<string>, errors: FormErrors): void {
  if (!isObject(button) || button.type !== 2) {
    errors.add(path, "UNION_TYPE_CHOICES", 'Value of field "type" must be one of (2,).');
    return;
  }
  const style = Number(button.style);
  if (!Number.isInteger(style) || style < 1 || style > 6) {
    errors.add([...path, "style"], "BASE_TYPE_CHOICES", "Value must be one of (1, 2, 3, 4, 5, 6).");
  }
  errors.optionalText([...path, "label"], button.label, DOCUMENTED_LIMITS.label);
  if (button.label === undefined && button.emoji === undefined) {
    errors.add(
      [...path, "label"],
      "BUTTON_COMPONENT_INVALID_EMOJI_OR_LABEL",
      "A label or an emoji is required.",
    );
  }
  if (button.disabled !== undefined && typeof button.disabled !== "boolean") {
    errors.add([...path, "disabled"], "BASE_TYPE_BOOLEAN", "Must be either true or false.");
  }
  // A link button (5) has a url and no custom_id; a premium one (6) only a sku_id;
  // every other style a custom_id and no url.
  if (style === 5 || style === 6) {
    if (button.custom_id !== undefined) {
      errors.add(
        [...path, "custom_id"],
        "BUTTON_COMPONENT_CUSTOM_ID_NOT_ALLOWED",
        `A button of style ${style} cannot have a custom_id.`,
      );
    }
    if (style === 5) checkUrl(button.url, [...path, "url"], LINK_BUTTON, errors, DOCUMENTED_LIMITS.buttonUrl);
    else if (typeof button.sku_id !== "string")
      errors.add([...path, "sku_id"], "BASE_TYPE_REQUIRED", "This field is required");
    return;
  }
  if (button.url !== undefined) {
    errors.add([...path, "url"], "BUTTON_COMPONENT_URL_NOT_ALLOWED", "Only link buttons can have a url.");
  }
  errors.requiredText([...path, "custom_id"], button.custom_id, DOCUMENTED_LIMITS.customId);
  if (typeof button.custom_id === "string") {
    if (customIds.has(button.custom_id)) {
      errors.add(
        [...path, "custom_id"],
        "COMPONENT_CUSTOM_ID_DUPLICATED",
        "Component custom id cannot be duplicated",
      );
    }
    customIds.add(button.custom_id);
  }
}

function checkAllowedMentions(value: unknown, path: Path, errors: FormErrors): void {
  if (value === undefined || value === null) return;
  if (!isObject(value)) {
    errors.add(path, "DICT_TYPE_CONVERT", "Only dictionaries may be used in a DictType");
    return;
  }
  const parse = value.parse;
  if (
    parse !== undefined &&
    !(Array.isArray(parse) && parse.every((p) => ["roles", "users", "everyone"].includes(p)))
  ) {
    errors.add(
      [...path, "parse"],
      "BASE_TYPE_CHOICES",
      "Value must be one of ('roles', 'users', 'everyone').",
    );
  }
  for (const kind of ["users", "roles"] as const) {
    const ids = value[kind];
    if (ids === undefined) continue;
    if (!Array.isArray(ids)) {
      errors.add([...path, kind], "LIST_TYPE_CONVERT", "Only iterables may be used in a ListType");
      continue;
    }
    // Naming ids and parsing the same kind of mention contradict each other.
    if (Array.isArray(parse) && parse.includes(kind)) {
      errors.add(
        [...path, kind],
        "MESSAGE_ALLOWED_MENTIONS_PARSE_EXCLUSIVE",
        `parse:["${kind}"] and ${kind}: [ids] are mutually exclusive.`,
      );
    }
    if (ids.length > DOCUMENTED_LIMITS.mentionIds) {
      errors.add(
        [...path, kind],
        "BASE_TYPE_MAX_LENGTH",
        `Must be ${DOCUMENTED_LIMITS.mentionIds} or fewer in length.`,
      );
    }
    ids.forEach((id: unknown, i) => {
      if (typeof id !== "string" || !SNOWFLAKE.test(id)) {
        errors.add([...path, kind, i], "NUMBER_TYPE_COERCE", `Value "${String(id)}" is not snowflake.`);
      }
    });
  }
  if (value.replied_user !== undefined && typeof value.replied_user !== "boolean") {
    errors.add([...path, "replied_user"], "BASE_TYPE_BOOLEAN", "Must be either true or false.");
  }
}

const SNOWFLAKE = /^\d{1,20}$/u;
// Where a URL may point: a web page; an image (the web or an uploaded attachment); a link button (the web or discord://).
const WEB = ["http:", "https:"];
const MEDIA = ["http:", "https:", "attachment:"];
const LINK_BUTTON = ["http:", "https:", "discord:"];

/** A well-formed URL with one of `schemes` (no spaces, parseable), at most `max` long. */
function checkUrl(value: unknown, path: Path, schemes: string[], errors: FormErrors, max = 2048): void {
  if (value === undefined) {
    errors.add(path, "BASE_TYPE_REQUIRED", "This field is required");
    return;
  }
  const url =
    typeof value === "string" && !/\s/u.test(value) && URL.canParse(value) ? new URL(value) : undefined;
  const web = url?.protocol === "http:" || url?.protocol === "https:";
  if (url === undefined || !schemes.includes(url.protocol) || (web && url.hostname === "")) {
    errors.add(path, "URL_TYPE_INVALID_URL", "Not a well formed URL.");
    return;
  }
  if (url.href.length > max) errors.add(path, "BASE_TYPE_MAX_LENGTH", `Must be ${max} or fewer in length.`);
}

/** An ISO 8601 timestamp, as Discord parses embed timestamps. */
function isIsoTimestamp(value: unknown): boolean {
  return (
    typeof value === "string" &&
    /^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d{1,6})?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/u.test(value) &&
    !Number.isNaN(Date.parse(value))
  );
}

function checkFlags(value: unknown, path: Path, use: MessageUse, errors: FormErrors): void {
  if (value === undefined || value === null) return;
  const allowed = use === "create" ? EPHEMERAL | SUPPRESS_EMBEDS | SUPPRESS_NOTIFICATIONS : SUPPRESS_EMBEDS;
  if (!Number.isInteger(value) || (Number(value) & ~allowed) !== 0) {
    errors.add(path, "MESSAGE_FLAGS_INVALID", `Only flags ${allowed} may be set when a message is ${use}d.`);
  }
}

/** Checks autocomplete choices (callback type 8). */
export function checkChoices(data: unknown, path: Path, errors: FormErrors): void {
  const choices = isObject(data) && Array.isArray(data.choices) ? data.choices : undefined;
  if (!choices) {
    errors.add([...path, "choices"], "BASE_TYPE_REQUIRED", "This field is required");
    return;
  }
  errors.maxItems([...path, "choices"], choices, DOCUMENTED_LIMITS.choices);
  choices.forEach((choice: unknown, i) => {
    const c = isObject(choice) ? choice : {};
    errors.requiredText([...path, "choices", i, "name"], c.name, DOCUMENTED_LIMITS.choiceName);
    if (typeof c.value === "string")
      errors.maxLength([...path, "choices", i, "value"], c.value, DOCUMENTED_LIMITS.choiceValue);
    else if (typeof c.value !== "number")
      errors.add([...path, "choices", i, "value"], "BASE_TYPE_REQUIRED", "This field is required");
  });
}

const COMMAND_NAME = /^[-_\p{Ll}\p{Lo}\p{N}]{1,32}$/u;

/** Checks a bulk overwrite of application commands. */
export function checkCommands(body: unknown, errors: FormErrors): void {
  if (!Array.isArray(body)) {
    errors.add([], "LIST_TYPE_CONVERT", "Only iterables may be used in a ListType");
    return;
  }
  errors.maxItems([], body, 100);
  body.forEach((command: unknown, i) => {
    const c = isObject(command) ? command : {};
    if (typeof c.name !== "string" || !COMMAND_NAME.test(c.name)) {
      errors.add([i, "name"], "APPLICATION_COMMAND_INVALID_NAME", "Command name is invalid");
    }
    errors.requiredText([i, "description"], c.description, 100);
    const options = Array.isArray(c.options) ? c.options : [];
    errors.maxItems([i, "options"], options, 25);
    let optionalSeen = false;
    options.forEach((option: unknown, o) => {
      const opt = isObject(option) ? option : {};
      if (typeof opt.name !== "string" || !COMMAND_NAME.test(opt.name)) {
        errors.add([i, "options", o, "name"], "APPLICATION_COMMAND_INVALID_NAME", "Command name is invalid");
      }
      errors.requiredText([i, "options", o, "description"], opt.description, 100);
      if (opt.required === true && optionalSeen) {
        errors.add(
          [i, "options", o, "required"],
          "APPLICATION_COMMAND_OPTIONS_REQUIRED_INVALID",
          "Required options must be placed before non-required options",
        );
      }
      if (opt.required !== true) optionalSeen = true;
    });
  });
}

export function isObject(value: unknown): value is Json {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
