import { describe, expect, it } from "vitest";
import { entitiesCsv, eventsCsv, quotesCsv, toTimelineJs } from "../../../src/cli/export/formats.js";
import { entityRecords, eventRecords, quoteRecords } from "../../../src/cli/export/records.js";
import { engineFor } from "../../helpers/article-engine.js";
import { readCsv, readCsvRecords } from "../../helpers/read-csv.js";

const HOSTILE_TITLE =
  'Port <img src="https://tracker.example/p.gif"> strike & <a href="https://evil.example">more</a>';

describe("GIVEN a corpus whose titles and text hold HTML", () => {
  it("WHEN the timeline is exported for TimelineJS (which renders HTML) THEN every field shows the markup as text", async () => {
    const engine = await engineFor({
      title: HOSTILE_TITLE,
      published: "2024-03-05",
      text: 'On 4 March 2024 the union <form action="https://evil.example"><input name="pw"></form> ended the strike at the port.',
    });
    const timeline = toTimelineJs(eventRecords(engine), "Timeline <b>of</b> events");
    expect(timeline.events.length).toBeGreaterThan(0);
    const fields = [
      timeline.title.text.headline,
      ...timeline.events.flatMap((e) => [e.text.headline, e.text.text, e.credit, e.display_date ?? ""]),
    ];
    for (const field of fields) expect(field).not.toMatch(/[<>"]/u);
    const all = fields.join(" ");
    expect(all).toContain("&lt;form action=&quot;https://evil.example&quot;&gt;");
    expect(all).toContain("Port &lt;img");
    expect(timeline.title.text.headline).toBe("Timeline &lt;b&gt;of&lt;/b&gt; events");
  });
});

describe("GIVEN quotations and titles that begin as spreadsheet formulas", () => {
  it("WHEN exported as CSV THEN each such cell is prefixed with ' and reads back as the text it was", async () => {
    const engine = await engineFor(
      {
        title: '=HYPERLINK("https://evil.example","click")',
        text: '"=1+2 is the sum," said Anna Berg, the minister. "+cmd|\' /C calc\'!A0 would be bad," she added.',
      },
      { title: "@SUM(A1)", text: '"-2 degrees tonight," said Tom Hale, a forecaster.' },
    );
    const rows = readCsvRecords(quotesCsv(quoteRecords(engine)));
    expect(rows.length).toBeGreaterThanOrEqual(3);
    const cells = rows.flatMap((r) => Object.values(r));
    for (const cell of cells) expect(cell).not.toMatch(/^[=+\-@\t\r]/u);
    expect(cells).toContain('\'=HYPERLINK("https://evil.example","click")');
    expect(rows.map((r) => r.quote)).toEqual(
      expect.arrayContaining(["'=1+2 is the sum,", "'-2 degrees tonight,"]),
    );
    for (const csv of [eventsCsv(eventRecords(engine)), entitiesCsv(entityRecords(engine))]) {
      const other = readCsv(csv).flat();
      for (const cell of other) expect(cell).not.toMatch(/^[=+\-@\t\r]/u);
    }
  });

  it("WHEN a cell is ordinary text, a number or a boolean THEN it is written as before", async () => {
    const engine = await engineFor({
      title: "Port strike",
      text: '"We are back," said Anna Berg, the union leader.',
    });
    const [row] = readCsvRecords(quotesCsv(quoteRecords(engine)));
    expect(row).toMatchObject({ speaker: "Anna Berg", title: "Port strike", paragraph: "1" });
    expect(row?.partial).toMatch(/^(true|false)$/u);
  });
});
