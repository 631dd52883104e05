import { connect } from "node:net";

/** What one raw exchange ended with: a status line, or a close without one, or nothing in time. */
export type SocketOutcome = { kind: "answered"; status: number } | { kind: "closed" } | { kind: "timed_out" };

/**
 * Writes `bytes` to a fresh connection and reads until the server closes; the
 * first status line read, if any, is the outcome. With `halfClose` the client
 * ends its side once written, so a server waiting for more of a broken head
 * sees the end instead of waiting for its timeout (the server may then close
 * without answering).
 */
export function exchangeRaw(
  port: number,
  bytes: Buffer,
  { halfClose = true, timeoutMs = 5_000 }: { halfClose?: boolean; timeoutMs?: number } = {},
): Promise<SocketOutcome> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let settled = false;
    const finish = (outcome: SocketOutcome) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      socket.destroy();
      resolve(outcome);
    };
    const socket = connect(port, "127.0.0.1", () => {
      if (halfClose) socket.end(bytes);
      else socket.write(bytes);
    });
    const timer = setTimeout(() => finish({ kind: "timed_out" }), timeoutMs);
    socket.on("data", (chunk: Buffer) => chunks.push(chunk));
    // A reset after the server answered (it closed with our bytes unread) still counts what it said.
    socket.on("error", () => undefined);
    socket.on("close", () => {
      const head = /^HTTP\/1\.[01] (\d{3})/u.exec(Buffer.concat(chunks).subarray(0, 64).toString("latin1"));
      finish(head ? { kind: "answered", status: Number(head[1]) } : { kind: "closed" });
    });
  });
}
