import { describe, expect, it } from "vitest";
import { computedReading } from "../../../../src/core/analyzers/timeline/chain-reading.js";
import { SentenceSubjects } from "../../../../src/core/analyzers/timeline/sentence-subjects.js";
import {
  topicContinuations,
  topicIsSubject,
} from "../../../../src/core/analyzers/timeline/topic-continuations.js";
import { passageText } from "../../../../src/core/index/passages.js";
import { makeStore } from "../dates/make-documents.js";

describe.each([
  ["computed as it goes", computedReading],
  ["decided while building", SentenceSubjects.build],
] as const)("topicContinuations, the sentences read %s", (_, read) => {
  const store = makeStore({
    id: "a",
    published: "2023-05-18",
    paragraphs: [
      "Ana Ruiz opened the new clinic on Monday. She thanked the donors. Then she toured the wards. The mayor spoke.",
      "He left early.",
      "Officials praised Ana Ruiz. He said the clinic was overdue.",
    ],
  });
  const reading = read(store);
  const namedBefore = (id: number, offset: number) => {
    const at = store.get(id) === undefined ? -1 : passageText(store.all[id] as never).indexOf("Ana Ruiz");
    return at >= 0 && at < offset;
  };

  it("follows 'she' from a sentence whose subject is the topic, while the chain lasts", () => {
    expect(topicContinuations(store, reading, new Set([0]), namedBefore, "person")).toEqual([1, 2]);
  });

  it("does not follow from a sentence where the topic is the object", () => {
    expect(topicIsSubject("Officials praised Ana Ruiz.", 18)).toBe(false);
    expect(topicContinuations(store, reading, new Set([5]), namedBefore, "person")).toEqual([]);
  });

  it("does not follow a thing's anaphor for a person", () => {
    expect(topicContinuations(store, reading, new Set([0]), namedBefore, "thing")).toEqual([]);
  });
});
