/**
 * Merges the Prometheus text of several processes into one exposition: each
 * sample gets a label naming its process (e.g. `shard="1"`), and each metric's
 * `# HELP` / `# TYPE` lines appear once, before all of its samples. Input is the
 * text `Registry.render()` writes (version 0.0.4).
 */
export function mergeMetrics(label: string, texts: ReadonlyMap<string, string>): string {
  const families = new Map<string, { header: string[]; samples: string[] }>();
  const family = (name: string) => {
    let found = families.get(name);
    if (!found) {
      found = { header: [], samples: [] };
      families.set(name, found);
    }
    return found;
  };
  for (const [value, text] of texts) {
    let current: string | undefined;
    for (const line of text.split("\n")) {
      if (line.trim() === "") continue;
      const header = /^# (HELP|TYPE) (\S+)/u.exec(line);
      if (header) {
        current = header[2] as string;
        const target = family(current);
        if (!target.header.some((h) => h.startsWith(`# ${header[1]} `))) target.header.push(line);
        continue;
      }
      if (line.startsWith("#")) continue;
      const name = /^[A-Za-z_:][A-Za-z0-9_:]*/u.exec(line)?.[0];
      if (!name) continue;
      // A histogram's _bucket/_sum/_count samples stay with the family whose header came last.
      const owner = current !== undefined && name.startsWith(current) ? current : name;
      family(owner).samples.push(withLabel(line, name, label, value));
    }
  }
  const lines: string[] = [];
  for (const { header, samples } of families.values()) lines.push(...header, ...samples);
  return lines.length === 0 ? "" : `${lines.join("\n")}\n`;
}

function withLabel(line: string, name: string, label: string, value: string): string {
  const pair = `${label}="${value.replace(/[\\"\n]/gu, (c) => (c === "\n" ? "\\n" : `\\${c}`))}"`;
  const rest = line.slice(name.length);
  if (rest.startsWith("{}")) return `${name}{${pair}}${rest.slice(2)}`;
  if (rest.startsWith("{")) return `${name}{${pair},${rest.slice(1)}`;
  return `${name}{${pair}}${rest}`;
}
