/**
 * The promise's value if it fulfils within `ms`, else undefined — also when it
 * rejects first: the caller still holds the promise and awaits it for the outcome.
 * Both platforms must answer within 3 seconds, so both adapters race their
 * answer against a budget with this.
 */
export function within<T>(promise: Promise<T>, ms: number): Promise<T | undefined> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(undefined), Math.max(0, ms));
    const done = (value: T | undefined) => {
      clearTimeout(timer);
      resolve(value);
    };
    promise.then(done, () => done(undefined));
  });
}
