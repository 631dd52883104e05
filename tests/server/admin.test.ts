import { beforeAll, describe, expect, it } from "vitest";
import { getJson, serviceForSuite, startTestService } from "../helpers/start-test-service.js";

const TOKEN = "admin-token-for-tests-0123456789";
const HOSTILE = "<script>zzyzx</script> qqxxv";

const app = serviceForSuite(() => ({ role: "web", env: { ADMIN_TOKEN: TOKEN } }));
beforeAll(async () => {
  for (const q of [`/search ${HOSTILE}`, "/quote petro", "/why visa"]) {
    await getJson(`${app().url}/api/ask?q=${encodeURIComponent(q)}`);
  }
  await app().service.insights?.flush();
});

const get = (path: string, headers: Record<string, string> = {}) =>
  fetch(`${app().url}${path}`, { headers, redirect: "manual", signal: AbortSignal.timeout(10_000) });

describe("GIVEN ADMIN_TOKEN is set", () => {
  it("WHEN /admin is opened without it THEN 401 with a login form and nothing of the report", async () => {
    const response = await get("/admin");
    expect(response.status).toBe(401);
    const html = await response.text();
    expect(html).toContain('<form method="post" action="/admin/login">');
    expect(html).not.toContain("zzyzx");
  });

  it("WHEN a wrong bearer token is sent THEN 401", async () => {
    expect((await get("/admin", { authorization: `Bearer ${TOKEN}x` })).status).toBe(401);
  });

  it("WHEN the bearer token is sent THEN the report: the unanswered topic escaped, the chart inline, no script", async () => {
    const response = await get("/admin", { authorization: `Bearer ${TOKEN}` });
    expect(response.status).toBe(200);
    expect(response.headers.get("content-security-policy")).toContain("default-src 'none'");
    const html = await response.text();
    expect(html).toContain("<td>qqxxv script zzyzx</td>");
    expect(html).not.toContain("<script");
    expect(html).toMatch(/<svg class="chart"[^>]*>.*<rect class="bar"/su);
    expect(html).toContain("Helpful rate per command");
    expect(html).toMatch(/<td>petro<\/td><td class="n">1<\/td>/u);
  });

  it("WHEN the login form is sent with the token THEN an HttpOnly cookie opens /admin, and signing out closes it", async () => {
    const wrong = await fetch(`${app().url}/admin/login`, {
      method: "POST",
      body: new URLSearchParams({ token: "nope" }),
      redirect: "manual",
    });
    expect(wrong.status).toBe(401);
    expect(wrong.headers.get("set-cookie")).toBeNull();

    const login = await fetch(`${app().url}/admin/login`, {
      method: "POST",
      body: new URLSearchParams({ token: TOKEN }),
      redirect: "manual",
    });
    expect(login.status).toBe(303);
    const cookie = login.headers.get("set-cookie") ?? "";
    expect(cookie).toMatch(/HttpOnly/u);
    expect(cookie).toMatch(/SameSite=Strict/u);
    expect(cookie).not.toContain(TOKEN);
    const session = cookie.split(";")[0] ?? "";
    expect((await get("/admin", { cookie: session })).status).toBe(200);
    expect((await get("/admin", { cookie: `${session}x` })).status).toBe(401);

    const logout = await fetch(`${app().url}/admin/logout`, { method: "POST", redirect: "manual" });
    expect(logout.headers.get("set-cookie")).toMatch(/Max-Age=0/u);
  });

  it("WHEN since is not a span or a date THEN 400", async () => {
    expect((await get("/admin?since=yesterday", { authorization: `Bearer ${TOKEN}` })).status).toBe(400);
  });
});

describe("GIVEN ADMIN_TOKEN is not set", () => {
  it("THEN /admin does not exist", async () => {
    const plain = await startTestService({
      corpusDir: app().corpus.corpusDir,
      snapshotDir: app().corpus.snapshotDir,
      role: "web",
    });
    try {
      expect((await fetch(`${plain.url}/admin`)).status).toBe(404);
      expect(
        (await fetch(`${plain.url}/admin`, { headers: { authorization: `Bearer ${TOKEN}` } })).status,
      ).toBe(404);
    } finally {
      await plain.stop();
    }
  });
});
