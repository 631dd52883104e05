import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";

/** A running stand-in for Slack's Web API whose every method (auth.test included) answers ok. */
export interface SlackAuthStandIn {
  /** The base URL to pass as SLACK_API_URL. */
  apiUrl: string;
  close(): Promise<void>;
}

/** Starts a local stand-in for Slack's Web API on 127.0.0.1 that accepts any token. */
export async function startSlackAuthStandIn(): Promise<SlackAuthStandIn> {
  const server: Server = createServer((_req, res) => {
    res.writeHead(200, { "content-type": "application/json" });
    res.end(JSON.stringify({ ok: true, user_id: "U1", bot_id: "B1", team_id: "T1" }));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    apiUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
