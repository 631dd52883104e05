import { describe, expect, it } from "vitest";
import { parseRequestTarget } from "../../src/server/request-target.js";

describe("parseRequestTarget", () => {
  it("GIVEN an origin-form target THEN reads its path and query, even when it starts with //", () => {
    expect(parseRequestTarget("/api/ask?q=/help")?.pathname).toBe("/api/ask");
    expect(parseRequestTarget("/api/ask?q=/help")?.searchParams.get("q")).toBe("/help");
    expect(parseRequestTarget("//[/")?.pathname).toBe("//[/");
    expect(parseRequestTarget("//evil.example/api/ask")?.pathname).toBe("//evil.example/api/ask");
  });

  it("GIVEN an absolute-form target THEN reads its path when it parses", () => {
    expect(parseRequestTarget("http://localhost:3000/healthz")?.pathname).toBe("/healthz");
  });

  it.each(["http://[::1/api/ask", "http://x:99999/", "*", "example.com:443", "", undefined, "ftp://x/"])(
    "GIVEN %j THEN there is no URL to answer (the caller replies 400)",
    (target) => {
      expect(parseRequestTarget(target)).toBeUndefined();
    },
  );
});
