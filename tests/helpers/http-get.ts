/** GETs a URL on 127.0.0.1 and reads the body: JSON when it parses, else the text. */
export async function httpGet(url: string): Promise<{ status: number; body: unknown; text: string }> {
  const response = await fetch(url, { signal: AbortSignal.timeout(5000) });
  const text = await response.text();
  let body: unknown = text;
  try {
    body = JSON.parse(text);
  } catch {
    // Not JSON (metrics): the text is the body.
  }
  return { status: response.status, body, text };
}
