import type { Migration } from "../migrate.js";
import { FOLLOWS_MIGRATIONS } from "./follows.js";
import { INSIGHTS_MIGRATIONS } from "./insights.js";
import { INSTALLATIONS_MIGRATIONS } from "./installations.js";

/**
 * Every feature's migrations, in the order they apply. A feature adds its own file in this
 * folder (e.g. `insights.ts` exporting `INSIGHTS_MIGRATIONS`) and one spread here; versions
 * count per feature, so features never renumber each other.
 */
export const MIGRATIONS: readonly Migration[] = [
  ...FOLLOWS_MIGRATIONS,
  ...INSTALLATIONS_MIGRATIONS,
  ...INSIGHTS_MIGRATIONS,
];
