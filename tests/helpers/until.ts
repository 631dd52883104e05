/**
 * Waits until `check` holds, polling every `everyMs`; throws when it has not held within
 * `withinMs`. For conditions that an event outside the test makes true (a file watcher, a reload).
 */
export async function until(
  check: () => boolean | Promise<boolean>,
  { withinMs, everyMs }: { withinMs: number; everyMs: number },
): Promise<void> {
  const deadline = Date.now() + withinMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`the condition did not hold within ${withinMs / 1000} s`);
    await new Promise((resolve) => setTimeout(resolve, everyMs));
  }
}
