import { PROMETHEUS_CONTENT_TYPE } from "../../service/metrics/registry.js";
import { sendJson, sendText } from "../respond.js";
import type { Route } from "../router.js";

/** What `/readyz` reports: ready when the index is loaded and every transport is connected. */
export interface Readiness {
  ready: boolean;
  [detail: string]: unknown;
}

/** `/healthz` (the process answers), `/readyz` (it can serve), `/metrics` (Prometheus text). */
export function healthRoutes(readiness: () => Readiness, metricsText: () => string): Route[] {
  return [
    {
      name: "/healthz",
      methods: ["GET"],
      path: "/healthz",
      handler: ({ res }) => sendJson(res, 200, { status: "ok" }),
    },
    {
      name: "/readyz",
      methods: ["GET"],
      path: "/readyz",
      handler: ({ res }) => {
        const report = readiness();
        sendJson(res, report.ready ? 200 : 503, report);
      },
    },
    {
      name: "/metrics",
      methods: ["GET"],
      path: "/metrics",
      handler: ({ res }) => sendText(res, 200, metricsText(), PROMETHEUS_CONTENT_TYPE),
    },
  ];
}
