import type { IncomingMessage } from "node:http";
import type { Config } from "../config.js";
import type { Route } from "../server/router.js";
import { adminRoutes } from "../server/routes/admin/index.js";
import { readReport } from "../service/insights/read-report.js";
import type { ReloadingEngineSource } from "../service/reloading-engine-source.js";
import type { Database } from "../store/database.js";
import { insightsRepository } from "../store/insights/insights-repository.js";

/** The admin page's routes when `ADMIN_TOKEN` is set; none otherwise (`/admin` is then a 404). */
export function adminRoutesFor(
  config: Config,
  store: Database | undefined,
  engines: ReloadingEngineSource,
): Route[] {
  if (!config.adminToken) return [];
  const repository = store ? insightsRepository(store) : undefined;
  return adminRoutes({
    token: config.adminToken,
    report: async (since) =>
      repository ? readReport(repository, since, engines.serving?.engine) : undefined,
    secure: (req: IncomingMessage) =>
      "encrypted" in req.socket ||
      (config.trustProxy &&
        String(req.headers["x-forwarded-proto"] ?? "")
          .split(",")[0]
          ?.trim() === "https"),
  });
}
