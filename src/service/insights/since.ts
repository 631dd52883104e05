const UNITS: Record<string, number> = { h: 3_600_000, d: 86_400_000, w: 7 * 86_400_000 };

/**
 * The start of the window `--since` names, in epoch ms: `12h`, `7d`, `4w`, or a date
 * (`2026-11-01`); undefined when it is none of these.
 */
export function parseSince(text: string, now: number): number | undefined {
  const relative = /^(\d{1,5})([hdw])$/u.exec(text.trim());
  if (relative?.[1] && relative[2]) return now - Number(relative[1]) * (UNITS[relative[2]] ?? 0);
  if (!/^\d{4}-\d{2}-\d{2}(?:T[\d:.]+Z?)?$/u.test(text.trim())) return undefined;
  const at = Date.parse(text.trim());
  return Number.isNaN(at) || at > now ? undefined : at;
}
