// Child process: one full build and snapshot write (see measure-build.ts).
import { childMain } from "../child.js";
import { type BuildInput, measureBuild } from "../measure-build.js";

childMain<BuildInput, Awaited<ReturnType<typeof measureBuild>>>(measureBuild);
