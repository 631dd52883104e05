import { symlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { corpusFingerprint } from "../../../src/core/snapshot/fingerprint.js";
import { tempCorpus } from "../../helpers/temp-corpus.js";

describe("corpusFingerprint", () => {
  it("GIVEN a link to a file outside the corpus THEN never reads it, as the loader never does", async () => {
    const outside = tempCorpus({ "secret.md": "Version one." });
    const dir = tempCorpus({ "good.md": "# Good\n\nText." });
    symlinkSync(join(outside, "secret.md"), join(dir, "secret.md"));
    const before = await corpusFingerprint(dir);
    writeFileSync(join(outside, "secret.md"), "Version two.");
    expect(await corpusFingerprint(dir)).toBe(before);
    writeFileSync(join(dir, "good.md"), "# Good\n\nOther text.");
    expect(await corpusFingerprint(dir)).not.toBe(before);
  });
});
