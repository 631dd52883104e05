import { describe, expect, it } from "vitest";
import { goldPeriod, parseTempeval, scoreDates, valueAgrees } from "../../../../scripts/eval-dates.js";

// A TempEval-3 article in the data's shape: a DCT, DATE expressions (one the analyzer
// reads, one it reads coarser than gold, one it leaves out) and a DURATION (not scored).
const TML = `<?xml version="1.0" ?>
<TimeML>
<DCT><TIMEX3 tid="t0" type="DATE" value="1998-11-20" functionInDocument="CREATION_TIME">1998-11-20</TIMEX3></DCT>
<TEXT>
The mill <EVENT eid="e1">closed</EVENT> <TIMEX3 tid="t1" type="DATE" value="1998-11-19">yesterday</TIMEX3> after <TIMEX3 tid="t2" type="DURATION" value="P3Y">three years</TIMEX3> of losses.

Its <TIMEX3 tid="t3" type="DATE" value="1998-Q3">third-quarter</TIMEX3> loss was large. Workers met <TIMEX3 tid="t4" type="DATE" value="PRESENT_REF">now</TIMEX3>.
</TEXT>
</TimeML>`;

describe("the TempEval dates evaluation", () => {
  const doc = parseTempeval("wire", TML);

  it("strips the tags and keeps the DATE expressions with their offsets", () => {
    expect(doc?.dct).toBe("1998-11-20");
    expect(doc?.dates.map((d) => [d.text, d.value])).toEqual([
      ["yesterday", "1998-11-19"],
      ["third-quarter", "1998-Q3"],
      ["now", "PRESENT_REF"],
    ]);
    const first = doc?.dates[0];
    expect(first && doc?.text.slice(first.start, first.end)).toBe("yesterday");
  });

  it("counts coverage over calendar values and over every DATE, and values no coarser than gold", () => {
    const scores = scoreDates(doc === undefined ? [] : [doc]);
    expect(scores).toMatchObject({ goldAll: 3, covered: 2, goldCalendar: 2, coveredCalendar: 2 });
    expect(scores).toMatchObject({ valueTotal: 2, valueCorrect: 2 });
    expect(scores.misses.get("reference (now, recently, former)")?.missed).toHaveLength(1);
  });

  it("compares a value with the gold period", () => {
    const q3 = goldPeriod("1998-Q3");
    expect(q3 && valueAgrees("1998", q3)).toBe(true);
    expect(q3 && valueAgrees("1998-08", q3)).toBe(true);
    expect(q3 && valueAgrees("1998-11", q3)).toBe(false);
    const day = goldPeriod("1998-11-19");
    expect(day && valueAgrees("1998-11", day)).toBe(false);
    expect(goldPeriod("PAST_REF")).toBeUndefined();
  });
});
