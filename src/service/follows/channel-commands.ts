import { CHANNEL_COMMANDS } from "../../../commands/channel-only.js";
import { resolveInvocation } from "../../../commands/dispatch.js";
import type { Answer } from "../../core/answer.js";
import type { IngestSummary } from "../../ingest/ingest.js";
import { summaryLine } from "../../ingest/ingest.js";
import { type Follow, type FollowsRepository, MAX_FOLLOWS_PER_CHANNEL } from "../../store/follows.js";
import type { Asker } from "../asker.js";
import type { FollowPermission } from "./follow-permission.js";

/** What the channel commands need. */
export interface ChannelCommandsOptions {
  /** Undefined when no database opened: the commands say so. */
  follows: FollowsRepository | undefined;
  mayChange: FollowPermission;
  /** Ingests one URL now and reloads the index (`/add`). */
  addArticle: (url: string) => Promise<IngestSummary>;
  now?: () => number;
}

const REFUSED =
  "Only members who can manage this channel (Discord), workspace admins (Slack) or the users listed in FOLLOW_ALLOWED_USERS can do that.";

/**
 * Wraps an Asker so `/follow`, `/unfollow`, `/following` and `/add` asked in a Discord or
 * Slack channel act on that channel (the follows repository, the ingest) and answer with
 * what they did; every other question goes to `asker` untouched.
 */
export function withChannelCommands(asker: Asker, options: ChannelCommandsOptions): Asker {
  const now = options.now ?? Date.now;
  return {
    complete: (source, typed) => asker.complete(source, typed),
    ask: async (invocation) => {
      const place = invocation.place;
      const platform = invocation.platform;
      if (
        !CHANNEL_COMMANDS.has(invocation.command) ||
        !place ||
        (platform !== "discord" && platform !== "slack")
      ) {
        return asker.ask(invocation);
      }
      const { command, args } = resolveInvocation(invocation);
      const text = (name: string) => String(args[name] ?? "").trim();
      const reply = (title: string, notice: string): Answer => ({
        command: command.name,
        query: text("topic") || text("url"),
        title,
        items: [],
        notice,
        args,
      });
      if (command.name !== "following" && !(await options.mayChange(invocation)))
        return reply(`/${command.name}`, REFUSED);
      if (command.name === "add") return added(await options.addArticle(text("url")), reply);
      const follows = options.follows;
      if (!follows)
        return reply(
          `/${command.name}`,
          "Follows need the database, which did not open: see the service's log.",
        );
      const key = { platform, channel: place.channel, topic: text("topic") } satisfies Pick<
        Follow,
        "platform" | "channel" | "topic"
      >;
      switch (command.name) {
        case "follow": {
          const outcome = await follows.follow({
            ...key,
            workspace: place.workspace ?? "",
            createdBy: invocation.user ?? "",
            createdAt: now(),
          });
          const notices = {
            added: `This channel now follows “${key.topic}”: new articles quoting or reporting on it bring a digest here.`,
            already: `This channel already follows “${key.topic}”.`,
            full: `This channel follows ${MAX_FOLLOWS_PER_CHANNEL} topics already: /unfollow one first.`,
          };
          return reply(`Follow: ${key.topic}`, notices[outcome]);
        }
        case "unfollow": {
          const removed = await follows.unfollow(key);
          return reply(
            `Unfollow: ${key.topic}`,
            removed
              ? `This channel no longer follows “${key.topic}”.`
              : `This channel does not follow “${key.topic}”.`,
          );
        }
        default: {
          const topics = (await follows.ofChannel(platform, place.channel)).map((f) => `“${f.topic}”`);
          return reply(
            "Following",
            topics.length === 0
              ? "This channel follows no topic. Try /follow <topic>."
              : `This channel follows ${topics.join(", ")}.`,
          );
        }
      }
    },
  };
}

function added(summary: IngestSummary, reply: (title: string, notice: string) => Answer): Answer {
  const taken = summary.items.filter((i) => i.outcome !== "skipped");
  const first = taken[0];
  if (!first) {
    const skipped = summary.items[0];
    return reply("Add: nothing added", `Nothing was added: ${skipped?.detail ?? summaryLine(summary)}.`);
  }
  const date = first.published ? ` (${first.published})` : "";
  const what = `${first.outcome === "new" ? "Added" : first.outcome === "updated" ? "Updated" : "Already there, unchanged"}: “${first.title ?? first.url}”${date}, ${first.paragraphs ?? 0} paragraphs.`;
  const more =
    taken.length > 1 || summary.items.length > taken.length ? ` In all: ${summaryLine(summary)}.` : "";
  return reply(`Add: ${first.title ?? first.url}`, `${what}${more}`);
}
