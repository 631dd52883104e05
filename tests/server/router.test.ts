import { describe, expect, it } from "vitest";
import { matchRoute, type Route } from "../../src/server/router.js";

const route = (path: string, methods: string[] = ["GET"]): Route => ({
  name: path,
  path,
  methods,
  handler: () => {},
});
const routes = [route("/api/ask"), route("/api/document/:id"), route("/slack/events", ["POST"])];

describe("matchRoute", () => {
  it("GIVEN a path with a parameter THEN decodes it", () => {
    const match = matchRoute(routes, "GET", "/api/document/a%20b");
    expect(match).toMatchObject({ kind: "found", params: { id: "a b" } });
  });

  it("GIVEN HEAD on a GET route THEN matches", () => {
    expect(matchRoute(routes, "HEAD", "/api/ask").kind).toBe("found");
  });

  it("GIVEN the wrong method THEN lists the allowed ones", () => {
    expect(matchRoute(routes, "GET", "/slack/events")).toEqual({ kind: "wrong_method", allowed: ["POST"] });
  });

  it("GIVEN an empty or malformed parameter, or no route THEN no match", () => {
    expect(matchRoute(routes, "GET", "/api/document/").kind).toBe("none");
    expect(matchRoute(routes, "GET", "/api/document/%E0%A4%A").kind).toBe("none");
    expect(matchRoute(routes, "GET", "/api/document/a/b").kind).toBe("none");
  });
});
