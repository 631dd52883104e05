/**
 * Summarises a V8 CPU profile (`--cpu-prof`, e.g. from `npm run bench -- --cpu-prof`):
 * self time by function and by package or source folder, the biggest first.
 * Usage: `npx tsx bench/profile-summary.ts <file.cpuprofile> [top]`.
 */
import { readFile } from "node:fs/promises";

/** The parts of a `.cpuprofile` this reads. */
export interface CpuProfile {
  nodes: { id: number; callFrame: { functionName: string; url: string; lineNumber: number } }[];
  samples: number[];
  timeDeltas: number[];
}

/** Self time (ms) of a function or a place, and its share of the profile. */
export interface SelfTime {
  name: string;
  ms: number;
  share: number;
}

/** Self time per function and per place (npm package, or folder of our source), biggest first. */
export function summarizeProfile(profile: CpuProfile): {
  total: number;
  functions: SelfTime[];
  places: SelfTime[];
} {
  const byId = new Map(profile.nodes.map((n) => [n.id, n.callFrame]));
  const functions = new Map<string, number>();
  const places = new Map<string, number>();
  let total = 0;
  profile.samples.forEach((id, i) => {
    const ms = (profile.timeDeltas[i] ?? 0) / 1000;
    const frame = byId.get(id);
    if (!frame) return;
    total += ms;
    const place = placeOf(frame.url, frame.functionName);
    const name = `${frame.functionName || "(anonymous)"} ${shortUrl(frame.url)}:${frame.lineNumber + 1}`;
    functions.set(name, (functions.get(name) ?? 0) + ms);
    places.set(place, (places.get(place) ?? 0) + ms);
  });
  const sorted = (map: Map<string, number>) =>
    [...map]
      .map(([name, ms]) => ({ name, ms: Math.round(ms), share: total > 0 ? ms / total : 0 }))
      .sort((a, b) => b.ms - a.ms);
  return { total: Math.round(total), functions: sorted(functions), places: sorted(places) };
}

function placeOf(url: string, functionName: string): string {
  if (url === "") return functionName.startsWith("(") ? functionName : "(native)";
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/u.exec(url);
  if (pkg) return pkg[1] as string;
  if (url.startsWith("node:")) return url;
  const ours = /\/(src|commands|bench)\/(.*)\/[^/]+$/u.exec(url);
  return ours ? `${ours[1]}/${ours[2]}` : shortUrl(url);
}

function shortUrl(url: string): string {
  return url.replace(/^file:\/\/.*?\/(node_modules|src|commands|bench)\//u, "$1/");
}

async function main(args: readonly string[]): Promise<void> {
  const [file, topText] = args;
  if (!file) {
    process.stderr.write("Usage: npx tsx bench/profile-summary.ts <file.cpuprofile> [top]\n");
    process.exitCode = 2;
    return;
  }
  const top = Number(topText ?? 25);
  const summary = summarizeProfile(JSON.parse(await readFile(file, "utf8")) as CpuProfile);
  const line = (s: SelfTime) =>
    `${String(s.ms).padStart(8)} ms ${(s.share * 100).toFixed(1).padStart(5)} %  ${s.name}\n`;
  process.stdout.write(`${file}: ${summary.total} ms sampled\n\nSelf time by place:\n`);
  for (const s of summary.places.slice(0, top)) process.stdout.write(line(s));
  process.stdout.write("\nSelf time by function:\n");
  for (const s of summary.functions.slice(0, top)) process.stdout.write(line(s));
}

if (import.meta.url === `file://${process.argv[1]}`) await main(process.argv.slice(2));
