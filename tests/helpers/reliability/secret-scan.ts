/**
 * Finds secrets in captured output, in the forms a leak takes: the value itself,
 * without its well-known prefix (`xoxb-`), URL-encoded (a form body) or base64
 * (an Authorization header).
 */
export function leakedSecrets(output: string, secrets: Readonly<Record<string, string>>): string[] {
  const found: string[] = [];
  for (const [name, value] of Object.entries(secrets)) {
    const forms = new Set([
      value,
      value.replace(/^[a-z]{4}-/u, ""),
      encodeURIComponent(value),
      Buffer.from(value, "utf8").toString("base64"),
    ]);
    for (const form of forms) {
      const at = output.indexOf(form);
      if (at === -1) continue;
      found.push(`${name} in …${output.slice(Math.max(0, at - 160), at).replace(/\s+/gu, " ")}`);
      break;
    }
  }
  return found;
}

/** The `msg` of every JSON log line that holds a secret: where to look first when a leak is found. */
export function linesWithSecrets(
  lines: readonly string[],
  secrets: Readonly<Record<string, string>>,
): string[] {
  return lines
    .filter((line) => leakedSecrets(line, secrets).length > 0)
    .map((line) => {
      try {
        const parsed = JSON.parse(line) as { msg?: unknown };
        return String(parsed.msg);
      } catch {
        return line.slice(0, 120);
      }
    });
}
