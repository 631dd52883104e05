import { Writable } from "node:stream";
import { describe, expect, it } from "vitest";
import { toBoltLogger } from "../../../src/adapters/slack/bolt-logger.js";
import { createLogger } from "../../../src/logger.js";

function capture(level = "debug") {
  const lines: string[] = [];
  const destination = new Writable({
    write(chunk, _encoding, done) {
      lines.push(String(chunk));
      done();
    },
  });
  return { lines, logger: createLogger({ level, destination }) };
}

describe("toBoltLogger", () => {
  it("GIVEN Bolt logs a token or a secret in a string THEN the line shows neither", () => {
    const { lines, logger } = capture();
    const bolt = toBoltLogger(logger, ["s3cret-signing-value"]);
    bolt.debug("http request headers", "Authorization: Bearer xoxb-123-456-abc", "xapp-1-A0-999");
    bolt.warn(new Error("bad signature with s3cret-signing-value"));
    const out = lines.join("");
    expect(out).not.toMatch(/xoxb-|xapp-|s3cret-signing-value/u);
    expect(out).toContain("[redacted]");
  });

  it("GIVEN a level below the logger's THEN nothing is written", () => {
    const { lines, logger } = capture("warn");
    toBoltLogger(logger, []).info("connected");
    expect(lines).toEqual([]);
  });

  it("GIVEN Bolt asks for the level THEN it gets the pino logger's", () => {
    expect(toBoltLogger(capture("debug").logger, []).getLevel()).toBe("debug");
    expect(toBoltLogger(capture("error").logger, []).getLevel()).toBe("error");
  });
});
