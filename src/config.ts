import { z } from "zod";

/**
 * Configuration, read and validated once at start from the environment (and
 * `.env`, loaded by the entrypoint). Nothing else reads `process.env`.
 */

const optionalText = z
  .string()
  .transform((s) => s.trim())
  .pipe(z.string())
  .optional()
  .transform((s) => (s === "" ? undefined : s));

const url = (name: string) =>
  optionalText.refine(
    (s) => s === undefined || URL.canParse(s),
    `${name} must be a URL like https://example.com/api`,
  );

const boolean = z
  .string()
  .optional()
  .transform((s) => (s === undefined || s.trim() === "" ? undefined : s.trim().toLowerCase()))
  .refine(
    (s) => s === undefined || ["true", "false", "1", "0", "yes", "no"].includes(s),
    "must be true or false",
  )
  .transform((s) => (s === undefined ? undefined : ["true", "1", "yes"].includes(s)));

const integer = (min: number, max: number) =>
  z
    .string()
    .optional()
    .transform((s) => (s === undefined || s.trim() === "" ? undefined : s.trim()))
    .refine(
      (s) => s === undefined || (/^\d+$/u.test(s) && Number(s) >= min && Number(s) <= max),
      `must be a whole number from ${min} to ${max}`,
    )
    .transform((s) => (s === undefined ? undefined : Number(s)));

// An empty value means unset, as for every other variable (a copied .env.example has many).
const choice = <const T extends readonly [string, ...string[]]>(values: T) =>
  z.preprocess((s) => (typeof s === "string" && s.trim() === "" ? undefined : s), z.enum(values).optional());

const environmentSchema = z.object({
  PORT: integer(0, 65535),
  HOST: optionalText,
  CORPUS_DIR: optionalText,
  SNAPSHOT_DIR: optionalText,
  DATA_DIR: optionalText,
  DATABASE_URL: optionalText.refine(
    (s) => s === undefined || /^postgres(?:ql)?:\/\/./u.test(s),
    "DATABASE_URL must be a PostgreSQL URL like postgres://user:password@host:5432/backstory (leave it unset for the embedded SQLite file)",
  ),
  INSIGHTS: choice(["on", "off"]),
  INSIGHTS_RETENTION_DAYS: integer(1, 36_500),
  INSIGHTS_SECRET: optionalText.refine(
    (s) => s === undefined || s.length >= 32,
    "INSIGHTS_SECRET must be at least 32 characters (e.g. the output of `openssl rand -hex 32`)",
  ),
  ADMIN_TOKEN: optionalText.refine(
    (s) => s === undefined || s.length >= 16,
    "ADMIN_TOKEN must be at least 16 characters (e.g. the output of `openssl rand -hex 24`)",
  ),
  LOG_LEVEL: choice(["fatal", "error", "warn", "info", "debug", "trace", "silent"]),
  LOG_FORMAT: choice(["json", "pretty"]),
  DEFAULT_PRIVATE: boolean,
  RATE_LIMIT_PER_MINUTE: integer(0, 100_000),
  RATE_LIMIT_BURST: integer(1, 100_000),
  ANSWER_CACHE_SIZE: integer(0, 100_000),
  WATCH_CORPUS: boolean,
  RELOAD_DEBOUNCE_MS: integer(0, 60_000),
  SHUTDOWN_GRACE_SECONDS: integer(0, 300),
  WEB_CONCURRENCY: integer(1, 64),
  MAX_BODY_BYTES: integer(1024, 16 * 1024 * 1024),
  TRUST_PROXY: boolean,
  DISCORD_TOKEN: optionalText,
  DISCORD_APPLICATION_ID: optionalText,
  DISCORD_PUBLIC_KEY: optionalText.refine(
    (s) => s === undefined || /^[0-9a-f]{64}$/iu.test(s),
    "DISCORD_PUBLIC_KEY must be the 64 hex characters shown on the Discord application's General Information page",
  ),
  DISCORD_GUILD_ID: optionalText,
  DISCORD_API_URL: url("DISCORD_API_URL"),
  SLACK_BOT_TOKEN: optionalText.refine(
    (s) => s === undefined || s.startsWith("xoxb-"),
    "SLACK_BOT_TOKEN must start with xoxb-",
  ),
  SLACK_SIGNING_SECRET: optionalText,
  SLACK_APP_TOKEN: optionalText.refine(
    (s) => s === undefined || s.startsWith("xapp-"),
    "SLACK_APP_TOKEN must start with xapp-",
  ),
  SLACK_API_URL: url("SLACK_API_URL"),
  SLACK_CLIENT_ID: optionalText,
  SLACK_CLIENT_SECRET: optionalText,
  SLACK_STATE_SECRET: optionalText.refine(
    (s) => s === undefined || s.length >= 32,
    "SLACK_STATE_SECRET must be at least 32 characters (e.g. `openssl rand -hex 32`)",
  ),
  ENCRYPTION_KEY: optionalText.superRefine((s, context) => {
    const problem = s === undefined ? undefined : encryptionKeysProblem(s);
    if (problem === undefined) return;
    context.addIssue({
      code: "custom",
      message: `ENCRYPTION_KEY ${problem}: give one or more \`id:key\` pairs separated by commas, each key 32 bytes in base64 (e.g. \`k1:$(openssl rand -base64 32)\`); the first encrypts`,
    });
  }),
  DISCORD_SHARDS: optionalText.refine(
    (s) => s === undefined || s === "auto" || (/^\d+$/u.test(s) && Number(s) >= 1 && Number(s) <= 1024),
    "DISCORD_SHARDS must be auto or a whole number from 1 to 1024",
  ),
  REDIS_URL: optionalText.refine(
    (s) => s === undefined || (URL.canParse(s) && /^rediss?:$/u.test(new URL(s).protocol)),
    "REDIS_URL must be a URL like redis://127.0.0.1:6379 (or rediss:// for TLS)",
  ),
  SNAPSHOT_ONLY: boolean,
  FEEDS: optionalText,
  FEED_INTERVAL_MINUTES: integer(1, 10_080),
  INGEST_ALLOW_PRIVATE: boolean,
  INGEST_TIMEOUT_SECONDS: integer(1, 300),
  INGEST_MAX_BYTES: integer(64 * 1024, 100 * 1024 * 1024),
  INGEST_HOST_GAP_MS: integer(0, 600_000),
  FOLLOW_DIGEST_MINUTES: integer(1, 1440),
  FOLLOW_ALLOWED_USERS: optionalText,
});

/** Every variable the configuration reads (documented in `.env.example`). */
export const CONFIG_VARIABLES: readonly string[] = Object.keys(environmentSchema.shape);

/** Validated configuration. */
export interface Config {
  port: number;
  host: string;
  corpusDir: string;
  snapshotDir: string;
  /** Folder of the embedded database file (SQLite) when no `databaseUrl` is set. */
  dataDir: string;
  /** PostgreSQL instead of the embedded SQLite file. */
  databaseUrl?: string;
  /** Questions and votes are stored for the insights (INSIGHTS=off: nothing is stored). */
  insights: {
    enabled: boolean;
    /** Questions and their votes older than this are purged. */
    retentionDays: number;
    /** Key of the pseudonymous user keys and answer ids; generated and kept in the database when unset. */
    secret?: string;
  };
  /** Opens `/admin` in the web process (bearer token or login form); unset: `/admin` is 404. */
  adminToken?: string;
  logLevel: string;
  logFormat?: "json" | "pretty";
  /** Answers are private (ephemeral) unless asked otherwise. */
  defaultPrivate: boolean;
  rateLimit: { perMinute: number; burst: number };
  /** Answers kept for repeated questions and paging (0 turns the cache off). */
  answerCacheSize: number;
  watchCorpus: boolean;
  /** Quiet time after the last corpus change before re-indexing. */
  reloadDebounceMs: number;
  /** How long SIGTERM waits for in-flight answers before exiting anyway. */
  shutdownGraceMs: number;
  /** Processes of the `web` role sharing its port (node:cluster); 1 = no cluster. */
  webConcurrency: number;
  /** Largest request body accepted (Slack events, Discord interactions). */
  maxBodyBytes: number;
  /**
   * Read the index only from a snapshot in `snapshotDir` (built once by `npm run index`
   * or the release phase), never build it: replicas and shards. Turns the corpus watch off.
   */
  snapshotOnly: boolean;
  /** Shared rate-limit buckets (every replica and shard); in-process buckets when unset. */
  redisUrl?: string;
  /** Take the client address from X-Forwarded-For (behind a proxy such as Heroku's router). */
  trustProxy: boolean;
  discord: {
    token?: string;
    applicationId?: string;
    publicKey?: string;
    guildId?: string;
    apiUrl?: string;
    /** Run the gateway as shards, each a child process (`auto`: as many as Discord recommends). */
    shards?: "auto" | number;
  };
  slack: {
    botToken?: string;
    signingSecret?: string;
    appToken?: string;
    apiUrl?: string;
    /** Multi-workspace installs (Bolt's OAuth): all three set, or none. */
    clientId?: string;
    clientSecret?: string;
    stateSecret?: string;
  };
  /** Keys for tokens stored at rest, the first encrypting (see `parseEncryptionKeys`). */
  encryptionKey?: string;
  /** At most one digest per followed topic and channel in this time. */
  followDigestMs: number;
  /** Users who may /follow, /unfollow and /add anywhere, besides the platform's own rule (ids). */
  followAllowedUsers: string[];
  ingest: {
    /** `FEEDS` as written: URLs with optional intervals (read by the ingest's feeds config). */
    feeds?: string;
    /** How often a feed without its own interval is polled. */
    feedIntervalMs: number;
    /** Fetch from loopback and private addresses too (tests, an intranet); never link-local. */
    allowPrivate: boolean;
    timeoutMs: number;
    /** Largest page or feed read. */
    maxBytes: number;
    /** Least time between two requests to one host. */
    hostGapMs: number;
  };
}

/** A configuration problem, naming the variable and what to do. */
export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Configuration problems:\n${problems.map((p) => `  - ${p}`).join("\n")}`);
    this.name = "ConfigError";
  }
}

/** Reads and validates the configuration; throws a ConfigError listing every problem. */
export function loadConfig(env: Readonly<Record<string, string | undefined>> = process.env): Config {
  const parsed = environmentSchema.safeParse(env);
  if (!parsed.success) {
    throw new ConfigError(
      parsed.error.issues.map((issue) => {
        const name = String(issue.path[0] ?? "environment");
        return issue.message.startsWith(name) ? issue.message : `${name} ${issue.message}`;
      }),
    );
  }
  const e = parsed.data;
  const problems = pairingProblems(e);
  if (problems.length > 0) throw new ConfigError(problems);
  const config: Config = {
    port: e.PORT ?? 3000,
    host: e.HOST ?? "0.0.0.0",
    corpusDir: e.CORPUS_DIR ?? "corpus",
    snapshotDir: e.SNAPSHOT_DIR ?? ".backstory",
    dataDir: e.DATA_DIR ?? ".backstory",
    insights: {
      enabled: e.INSIGHTS !== "off",
      retentionDays: e.INSIGHTS_RETENTION_DAYS ?? 180,
      ...(e.INSIGHTS_SECRET ? { secret: e.INSIGHTS_SECRET } : {}),
    },
    logLevel: e.LOG_LEVEL ?? "info",
    defaultPrivate: e.DEFAULT_PRIVATE ?? true,
    rateLimit: { perMinute: e.RATE_LIMIT_PER_MINUTE ?? 30, burst: e.RATE_LIMIT_BURST ?? 10 },
    // An answer carries at most 100 items (up to ~100 KB): 500 of them stay within ~50 MB.
    answerCacheSize: e.ANSWER_CACHE_SIZE ?? 500,
    watchCorpus: e.WATCH_CORPUS ?? true,
    reloadDebounceMs: e.RELOAD_DEBOUNCE_MS ?? 500,
    // 10 s: well inside the 30 s a platform such as Heroku waits before SIGKILL.
    shutdownGraceMs: (e.SHUTDOWN_GRACE_SECONDS ?? 10) * 1000,
    webConcurrency: e.WEB_CONCURRENCY ?? 1,
    maxBodyBytes: e.MAX_BODY_BYTES ?? 1024 * 1024,
    trustProxy: e.TRUST_PROXY ?? false,
    snapshotOnly: e.SNAPSHOT_ONLY ?? false,
    ...(e.REDIS_URL ? { redisUrl: e.REDIS_URL } : {}),
    ...(e.ENCRYPTION_KEY ? { encryptionKey: e.ENCRYPTION_KEY } : {}),
    discord: defined({
      token: e.DISCORD_TOKEN,
      applicationId: e.DISCORD_APPLICATION_ID,
      publicKey: e.DISCORD_PUBLIC_KEY,
      guildId: e.DISCORD_GUILD_ID,
      apiUrl: e.DISCORD_API_URL,
      shards:
        e.DISCORD_SHARDS === undefined || e.DISCORD_SHARDS === "auto"
          ? e.DISCORD_SHARDS
          : Number(e.DISCORD_SHARDS),
    }),
    slack: defined({
      botToken: e.SLACK_BOT_TOKEN,
      signingSecret: e.SLACK_SIGNING_SECRET,
      appToken: e.SLACK_APP_TOKEN,
      apiUrl: e.SLACK_API_URL,
      clientId: e.SLACK_CLIENT_ID,
      clientSecret: e.SLACK_CLIENT_SECRET,
      stateSecret: e.SLACK_STATE_SECRET,
    }),
    followDigestMs: (e.FOLLOW_DIGEST_MINUTES ?? 30) * 60_000,
    followAllowedUsers: (e.FOLLOW_ALLOWED_USERS ?? "").split(/[\s,]+/u).filter((id) => id !== ""),
    ingest: {
      feedIntervalMs: (e.FEED_INTERVAL_MINUTES ?? 30) * 60_000,
      allowPrivate: e.INGEST_ALLOW_PRIVATE ?? false,
      timeoutMs: (e.INGEST_TIMEOUT_SECONDS ?? 15) * 1000,
      maxBytes: e.INGEST_MAX_BYTES ?? 5 * 1024 * 1024,
      hostGapMs: e.INGEST_HOST_GAP_MS ?? 1000,
    },
  };
  if (e.FEEDS) config.ingest.feeds = e.FEEDS;
  if (e.LOG_FORMAT) config.logFormat = e.LOG_FORMAT;
  if (e.DATABASE_URL) config.databaseUrl = e.DATABASE_URL;
  if (e.ADMIN_TOKEN) config.adminToken = e.ADMIN_TOKEN;
  return config;
}

function pairingProblems(e: z.infer<typeof environmentSchema>): string[] {
  const problems: string[] = [];
  if (e.DISCORD_TOKEN && !e.DISCORD_APPLICATION_ID) {
    problems.push(
      "DISCORD_TOKEN is set but DISCORD_APPLICATION_ID is missing: copy the Application ID from the Discord developer portal.",
    );
  }
  if (e.DISCORD_PUBLIC_KEY && !e.DISCORD_APPLICATION_ID) {
    problems.push(
      "DISCORD_PUBLIC_KEY is set but DISCORD_APPLICATION_ID is missing: copy the Application ID from the Discord developer portal.",
    );
  }
  if (e.SLACK_BOT_TOKEN && !e.SLACK_SIGNING_SECRET && !e.SLACK_APP_TOKEN) {
    problems.push(
      "SLACK_BOT_TOKEN is set but SLACK_SIGNING_SECRET is missing (HTTP mode) and so is SLACK_APP_TOKEN (Socket Mode): set one of them.",
    );
  }
  if (((e.SLACK_SIGNING_SECRET && !e.SLACK_CLIENT_ID) || e.SLACK_APP_TOKEN) && !e.SLACK_BOT_TOKEN) {
    problems.push(
      "SLACK_SIGNING_SECRET or SLACK_APP_TOKEN is set but SLACK_BOT_TOKEN is missing: copy the Bot User OAuth Token (xoxb-…) from the Slack app's OAuth page.",
    );
  }
  if (e.DISCORD_SHARDS && !e.DISCORD_TOKEN) {
    problems.push(
      "DISCORD_SHARDS is set but DISCORD_TOKEN is missing: shards run the gateway bot (Bot → Token in the Discord developer portal).",
    );
  }
  const oauth = [e.SLACK_CLIENT_ID, e.SLACK_CLIENT_SECRET, e.SLACK_STATE_SECRET];
  if (oauth.some((v) => v !== undefined) && oauth.some((v) => v === undefined)) {
    problems.push(
      "Slack installs need all of SLACK_CLIENT_ID, SLACK_CLIENT_SECRET (Basic Information → App Credentials) and SLACK_STATE_SECRET (any random text of 32+ characters): set the missing ones.",
    );
  }
  if (e.SLACK_CLIENT_ID && !e.ENCRYPTION_KEY) {
    problems.push(
      "SLACK_CLIENT_ID is set but ENCRYPTION_KEY is missing: installed workspaces' bot tokens are stored encrypted; set ENCRYPTION_KEY=k1:$(openssl rand -base64 32).",
    );
  }
  if (e.SLACK_CLIENT_ID && !e.SLACK_SIGNING_SECRET) {
    problems.push(
      "SLACK_CLIENT_ID is set but SLACK_SIGNING_SECRET is missing: installed workspaces send their requests signed with it (Basic Information → Signing Secret).",
    );
  }
  if (e.SLACK_CLIENT_ID && e.SLACK_BOT_TOKEN) {
    problems.push(
      "SLACK_CLIENT_ID and SLACK_BOT_TOKEN are both set: choose multi-workspace installs (CLIENT_ID, CLIENT_SECRET, STATE_SECRET) or one workspace (BOT_TOKEN), not both.",
    );
  }
  return problems;
}

/**
 * Parses ENCRYPTION_KEY: `id:base64key[,id:base64key…]`, each key 32 bytes (AES-256).
 * The first key encrypts; every key listed decrypts (rotation: put the new key first,
 * keep the old ones until every stored token has been rewritten with the new one).
 */
export function parseEncryptionKeys(text: string): { id: string; key: Buffer }[] {
  const problem = encryptionKeysProblem(text);
  if (problem !== undefined) throw new ConfigError([`ENCRYPTION_KEY ${problem}`]);
  return text.split(",").map((pair) => {
    const [id, key] = pair.trim().split(":") as [string, string];
    return { id, key: Buffer.from(key, "base64") };
  });
}

function encryptionKeysProblem(text: string): string | undefined {
  const ids = new Set<string>();
  for (const pair of text.split(",")) {
    const match = /^([A-Za-z0-9_-]{1,32}):([A-Za-z0-9+/]+={0,2})$/u.exec(pair.trim());
    if (!match) return "has an entry that is not `id:base64key`";
    const [, id, key] = match as unknown as [string, string, string];
    if (ids.has(id)) return `lists the key id ${id} twice`;
    ids.add(id);
    if (Buffer.from(key, "base64").length !== 32) return `key ${id} is not 32 bytes once base64-decoded`;
  }
  return undefined;
}

function defined<T extends Record<string, unknown>>(
  record: T,
): { [K in keyof T]?: Exclude<T[K], undefined> } {
  return Object.fromEntries(Object.entries(record).filter(([, v]) => v !== undefined)) as {
    [K in keyof T]?: Exclude<T[K], undefined>;
  };
}
