import { config as loadDotenv } from "dotenv";
import { type Config, ConfigError, loadConfig } from "../config.js";
import { fromPackageRoot } from "../service/app-paths.js";

/**
 * Reads the configuration once: `.env` (from the working directory; variables
 * already set win), then the schema. Relative paths are resolved from the
 * package root, so the app finds its corpus from `src/` and `dist/` alike.
 * On a configuration problem it prints every named problem and exits 1.
 */
export function readConfigOrExit(env: NodeJS.ProcessEnv = process.env): Config {
  loadDotenv({ quiet: true, processEnv: env as Record<string, string> });
  try {
    const config = loadConfig(env);
    return {
      ...config,
      corpusDir: fromPackageRoot(config.corpusDir),
      snapshotDir: fromPackageRoot(config.snapshotDir),
      dataDir: fromPackageRoot(config.dataDir),
    };
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    process.stderr.write(`${error.message}\nEvery variable is described in .env.example.\n`);
    process.exit(1);
  }
}
