#!/usr/bin/env node
// The CLI runs from the compiled output; `npm install` builds it (the prepare script).
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";

const built = new URL("../dist/src/cli/bin.js", import.meta.url);
if (!existsSync(fileURLToPath(built))) {
  process.stderr.write(
    "backstory: not built yet. Run `npm install` (or `npm run build`) in the project first.\n",
  );
  process.exit(1);
}
await import(built.href);
