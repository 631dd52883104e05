import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { evaluateCauses, parseCsv, parseTaggedPairs } from "../../../../scripts/eval-causes.js";

describe("parseCsv", () => {
  it("reads quoted fields holding commas, doubled quotes and line breaks", () => {
    const csv = '\ufeffindex,text,label\r\na,"He said, ""no""\nand left",1\nb,plain,0\n';
    expect(parseCsv(csv)).toEqual([
      ["index", "text", "label"],
      ["a", 'He said, "no"\nand left', "1"],
      ["b", "plain", "0"],
    ]);
  });

  it("keeps a last row without a final line break, and empty fields", () => {
    expect(parseCsv('a,,"",b')).toEqual([["a", "", "", "b"]]);
  });
});

describe("parseTaggedPairs", () => {
  it("strips the tags and keeps cause, effect and signal spans as offsets", () => {
    const tagged = "<ARG1>Flights stopped</ARG1> <SIG0>because of</SIG0> <ARG0>the storm</ARG0> .";
    const parsed = parseTaggedPairs(tagged);
    expect(parsed.text).toBe("Flights stopped because of the storm .");
    const slice = (range: { start: number; end: number }) => parsed.text.slice(range.start, range.end);
    expect(parsed.effects.map(slice)).toEqual(["Flights stopped"]);
    expect(parsed.causes.map(slice)).toEqual(["the storm"]);
    expect(parsed.signals.map(slice)).toEqual(["because of"]);
  });

  it("handles a signal that crosses an argument boundary", () => {
    const parsed = parseTaggedPairs(
      "<ARG1>They marched</ARG1> in order <ARG0><SIG0>to</SIG0> protest</ARG0> .",
    );
    expect(parsed.signals.map((s) => parsed.text.slice(s.start, s.end))).toEqual(["to"]);
  });
});

describe("evaluateCauses", () => {
  let dir = "";
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), "eval-causes-"));
    await writeFile(
      join(dir, "train_subtask1.csv"),
      [
        "index,text,label",
        'r0,"Flights stopped because of the storm, officials said.",1',
        "r1,The storm hit the coast on Monday.,0",
        'r2,"Shares fell, prompting a review.",1',
        "r3,Prices rose after the frost.,1",
      ].join("\n"),
    );
    await writeFile(
      join(dir, "train_subtask2.csv"),
      [
        "corpus,doc_id,sent_id,eg_id,index,text,text_w_pairs,seq_label,pair_label,context,num_sents",
        'cnc,d,0,0,x0,"Flights stopped because of the storm, officials said.","<ARG1>Flights stopped</ARG1> <SIG0>because of</SIG0> <ARG0>the storm</ARG0>, officials said.",1,1,,1',
        "cnc,d,3,0,x3,Prices rose after the frost.,<ARG1>Prices rose</ARG1> <SIG0>after</SIG0> <ARG0>the frost</ARG0>.,1,1,,1",
      ].join("\n"),
    );
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it("scores all rows and the odd (held-out) rows separately", async () => {
    const report = await evaluateCauses(dir);
    expect(report.classification.all).toMatchObject({
      truePositives: 3,
      trueNegatives: 1,
      falsePositives: 0,
    });
    expect(report.classification.heldOut).toMatchObject({ sentences: 2, truePositives: 1, trueNegatives: 1 });
    expect(report.classification.all.f1).toBe(1);
    expect(report.sweep.length).toBeGreaterThan(3);
  });

  it("measures how often a cue overlaps the gold signal, and on which side the arguments fall", async () => {
    const report = await evaluateCauses(dir);
    expect(report.signalRecall.all).toMatchObject({ examples: 2, overlapped: 2, recall: 1 });
    expect(report.signalRecall.heldOut).toMatchObject({ examples: 1, overlapped: 1 });
    expect(report.topicSide.all).toMatchObject({
      examples: 2,
      effectAsEffect: 2,
      causeAsCause: 2,
      causeAsEffect: 0,
    });
  });
});
