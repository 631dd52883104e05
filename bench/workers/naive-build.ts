// Child process: build the naive MiniSearch baseline and write it as JSON (see naive-baseline.ts).
import { childMain } from "../child.js";
import { type NaiveBuildInput, type NaiveBuildResult, naiveBuild } from "../naive-baseline.js";

childMain<NaiveBuildInput, NaiveBuildResult>(naiveBuild);
