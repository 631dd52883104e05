import { describe, expect, it } from "vitest";
import { adminPage } from "../../src/server/routes/admin/admin-page.js";
import { buildReport } from "../../src/service/insights/report.js";

describe("the admin page", () => {
  it("GIVEN text from readers and from the corpus with markup THEN shows it as text", () => {
    const report = buildReport(
      [
        {
          id: "q1",
          askedAt: Date.UTC(2026, 10, 2),
          platform: "web",
          command: "search",
          args: { query: "ferry" },
          items: 0,
          latencyMs: 1,
          citations: [],
          helpful: 0,
          notHelpful: 0,
        },
      ],
      {
        since: Date.UTC(2026, 10, 1),
        until: Date.UTC(2026, 10, 3),
        nearest: () => ['<img src=x onerror="alert(1)"> Harbour, ¶2'],
      },
    );
    const html = adminPage(report, '7d"><script>');
    expect(html).not.toContain("<img");
    expect(html).not.toContain("<script");
    expect(html).toContain("&lt;img src=x onerror=&quot;alert(1)&quot;&gt; Harbour, ¶2");
    expect(html).toContain('value="7d&quot;&gt;&lt;script&gt;"');
    expect(html.match(/<rect class="bar"/gu)).toHaveLength(3);
  });
});
