import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { agreeAtPrecision, evaluateTimeline, goldPartialDate } from "../../../../scripts/eval-timeline.js";

// A TimeML article in the trial data's shape, with two in-text TIMEX3 of type DATE
// (the trial data itself has none) so that detection and values can be scored.
const TML = `<?xml version='1.0' encoding='utf-8'?>
<TimeML><DOCID>1</DOCID>
<DCT><TIMEX3 functionInDocument="CREATION_TIME" tid="t0" type="DATE" value="2010-06-08">2010-06-08</TIMEX3></DCT>
<TEXT><s id="1">June 8 , 2010</s><s id="2">The firm <EVENT eid="e1">opened</EVENT> a plant in <TIMEX3 tid="t1" type="DATE" value="2009">2009</TIMEX3> .</s><s id="3">Sales <EVENT eid="e2">rose</EVENT> <TIMEX3 tid="t2" type="DATE" value="2010-06-07">yesterday</TIMEX3> , it said .</s><s id="4">Prices may <EVENT eid="e3">fall</EVENT> .</s></TEXT>
</TimeML>`;
const GOLD =
  "Firm\n0\t2009\t1-2-opened\n1\t2010-06-07\t1-3-rose\n2\t2010-06-08\t1-4-fall\n3\tXXXX-XX-XX\t1-4-fall\n";

function trialData(): string {
  const dir = mkdtempSync(join(tmpdir(), "timeline-eval-"));
  mkdirSync(join(dir, "timeml"));
  mkdirSync(join(dir, "gold-timelines"));
  writeFileSync(join(dir, "timeml", "1_Firm.tml"), TML);
  writeFileSync(join(dir, "gold-timelines", "firm.txt"), GOLD);
  return dir;
}

describe("evaluateTimeline", () => {
  it("scores detection against in-text TIMEX3 spans, exactly and by overlap", async () => {
    const report = await evaluateTimeline(trialData());
    expect(report.goldDateTimexes).toBe(2);
    // Found: the dateline (not annotated), "in 2009" (core "2009" matches exactly), "yesterday".
    expect(report.mentions).toBe(3);
    expect(report.detectionExact).toMatchObject({ truePositives: 2, goldFound: 2, recall: 1 });
    expect(report.detectionOverlap.precision).toBeCloseTo(2 / 3);
    expect(report.valueAccuracy).toEqual({ correct: 2, total: 2, accuracy: 1 });
  });

  it("checks the dates of gold timeline events, with the publication date as a fallback", async () => {
    const { timeline, datelines } = await evaluateTimeline(trialData());
    expect(timeline.goldDated).toBe(3);
    expect(timeline.covered).toMatchObject({ correct: 2, total: 3 });
    expect(timeline.anyEventCorrect).toMatchObject({ correct: 2, total: 2 });
    expect(timeline.withPublicationFallback).toMatchObject({ correct: 3, total: 3 });
    expect(timeline.publicationBaseline).toMatchObject({ correct: 1, total: 3 });
    expect(datelines).toMatchObject({ correct: 1, total: 1 });
  });
});

describe("scoring helpers", () => {
  it("compares dates at the coarser precision", () => {
    expect(agreeAtPrecision("2010-06", "2010-06-07")).toBe(true);
    expect(agreeAtPrecision("2004-06-01", "2004")).toBe(true);
    expect(agreeAtPrecision("2010-05", "2010-06-07")).toBe(false);
  });

  it("reads partly unknown gold dates", () => {
    expect(goldPartialDate("2008-03-XX")).toBe("2008-03");
    expect(goldPartialDate("2010-XX-XX")).toBe("2010");
    expect(goldPartialDate("XXXX-XX-XX")).toBeUndefined();
  });
});
