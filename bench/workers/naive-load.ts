// Child process: load the naive baseline from JSON in a clean heap and search it (see naive-baseline.ts).
import { childMain } from "../child.js";
import { type NaiveLoadInput, type NaiveLoadResult, naiveLoad } from "../naive-baseline.js";

childMain<NaiveLoadInput, NaiveLoadResult>(naiveLoad);
