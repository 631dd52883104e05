import { readFileSync } from "node:fs";
import { join } from "node:path";
import { parse } from "dotenv";
import { describe, expect, it } from "vitest";
import { CONFIG_VARIABLES, loadConfig } from "../../src/config.js";
import { packageRoot } from "../../src/service/app-paths.js";

const example = readFileSync(join(packageRoot(), ".env.example"), "utf8");

describe(".env.example", () => {
  it("GIVEN every variable the configuration reads THEN documents each one, and nothing else", () => {
    const documented = [...example.matchAll(/^#? ?([A-Z][A-Z0-9_]+)=/gmu)].map((m) => m[1]);
    expect([...new Set(documented)].sort()).toEqual([...CONFIG_VARIABLES].sort());
  });

  it("GIVEN a copy used as .env as it is THEN it is valid and runs the playground with the defaults", () => {
    const config = loadConfig(parse(example));
    expect(config).toMatchObject({ port: 3000, host: "0.0.0.0", corpusDir: "corpus", defaultPrivate: true });
    expect(config.discord).toEqual({});
    expect(config.slack).toEqual({});
  });

  it("GIVEN the commented defaults uncommented THEN they are the defaults the code uses", () => {
    const uncommented = example.replace(/^# ([A-Z][A-Z0-9_]+=)/gmu, "$1");
    const { logFormat, ...fromExample } = loadConfig(parse(uncommented));
    expect(logFormat).toBe("json");
    expect(fromExample).toEqual(loadConfig({}));
  });
});
