/** Small formatters for the Markdown report. */

/** Milliseconds as `0.42 ms`, `12.3 ms`, `1.24 s`; `–` when missing. */
export function ms(value: number | undefined): string {
  if (value === undefined || !Number.isFinite(value)) return "–";
  if (value >= 1000) return `${(value / 1000).toFixed(value >= 100_000 ? 0 : 2)} s`;
  if (value >= 100) return `${value.toFixed(0)} ms`;
  if (value >= 10) return `${value.toFixed(1)} ms`;
  return `${value.toFixed(2)} ms`;
}

/** Megabytes as `512 MB`; `–` when missing. */
export function mb(value: number | undefined): string {
  return value === undefined || !Number.isFinite(value) ? "–" : `${value.toFixed(0)} MB`;
}

/** Bytes as `12.3 MB`, or `45 KB` under a megabyte; `–` when missing. */
export function bytes(value: number | undefined): string {
  if (value === undefined) return "–";
  return value < 1024 * 1024 ? `${Math.ceil(value / 1024)} KB` : `${(value / 1024 / 1024).toFixed(1)} MB`;
}

/** A ratio as `0.04×`; `–` when missing. */
export function times(value: number | undefined): string {
  if (value === undefined || !Number.isFinite(value)) return "–";
  return `${value < 0.1 ? value.toFixed(3) : value.toFixed(2)}×`;
}

/** A plain number with thousands separators; `–` when missing. */
export function count(value: number | undefined): string {
  return value === undefined || !Number.isFinite(value) ? "–" : Math.round(value).toLocaleString("en-US");
}

/** A Markdown table from a header and rows. */
export function table(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const line = (cells: readonly string[]) => `| ${cells.join(" | ")} |`;
  return [line(header), line(header.map(() => "---")), ...rows.map(line)].join("\n");
}
