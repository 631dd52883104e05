import { resolve } from "node:path";
import { evaluateCauses, formatCausesReport } from "./eval-causes.js";
import { evaluateDates, formatDatesReport } from "./eval-dates.js";
import { evaluateQuotes, formatQuotesReport } from "./eval-quotes.js";
import {
  evaluateTimeline,
  evaluateTimelineAnswers,
  printTimelineAnswerReport,
  printTimelineReport,
} from "./eval-timeline.js";

/**
 * `npm run eval`: how well the analyzers do on the shared development data —
 * date detection and normalisation on TempEval-3, dates and `/timeline` answers on
 * SemEval-2015 Task 4 trial timelines, causal cues on the Causal News Corpus. Prints
 * the figures; docs/EVALUATION.md discusses them.
 */
async function main(): Promise<void> {
  const data = resolve(process.argv[2] ?? "../shared/data");
  console.log("# Date detection and normalisation: TempEval-3 training data (TBAQ-cleaned)\n");
  console.log(formatDatesReport(await evaluateDates(resolve(data, "tempeval3-train"))));
  console.log("\n# Dates and events (/timeline): SemEval-2015 Task 4 trial data\n");
  const semeval = resolve(data, "semeval2015-trial");
  printTimelineReport(await evaluateTimeline(semeval));
  printTimelineAnswerReport(await evaluateTimelineAnswers(semeval));
  console.log("\n# Causal cues (/why): Causal News Corpus v2, subtask 1 and 2 training data\n");
  console.log(formatCausesReport(await evaluateCauses(resolve(data, "causal-news-corpus"))));
  console.log("\n# Quotes and speakers (/quote): PolNeAR train split, development and held-out halves\n");
  for (const half of ["dev", "held-out"] as const)
    console.log(`${formatQuotesReport(await evaluateQuotes(resolve(data, "polnear-train"), half))}\n`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
