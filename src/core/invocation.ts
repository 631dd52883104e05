/** The platforms a command can be asked from. */
export type Platform = "discord" | "slack" | "cli" | "web";

/** Values an option can take once parsed. */
export type OptionValue = string | number | boolean;

/** Whether the asker wants the answer for themselves (ephemeral) or for the channel. */
export type Visibility = "private" | "public";

/** Parsed option values keyed by option name. */
export type CommandArgs = Readonly<Record<string, OptionValue>>;

/** A command as asked, independent of the platform it came from. */
export interface Invocation {
  /** Command name without the slash, e.g. `quote`. */
  command: string;
  args: CommandArgs;
  platform: Platform;
  /** Platform user id, for rate limits and logs (never shown). */
  user?: string;
  locale?: string;
  /** The visibility the asker named (`… private`), when they named one. */
  visibility?: Visibility;
  /**
   * Set when a button under an earlier answer asks the same question again (a page, "Post to
   * channel"): it is not a new question. `answerId` is that answer's signed id, when it had one.
   */
  again?: { answerId?: string };
  /** Where it was asked, when in a channel of a platform (`/follow` acts on that channel). */
  place?: Place;
}

/** The channel a command was asked in, and what the platform says of the asker there. */
export interface Place {
  channel: string;
  /** Discord guild id or Slack team id. */
  workspace?: string;
  /** Discord: the member's permissions in the channel, as the decimal bitfield Discord sends. */
  permissions?: string;
}
