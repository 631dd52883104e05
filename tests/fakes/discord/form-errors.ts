/**
 * Discord's "Invalid Form Body" errors (HTTP 400, code 50035): every problem is
 * filed under the path of the field it is about, e.g.
 * `{ data: { embeds: { 0: { title: { _errors: [{ code, message }] } } } } }`.
 */

/** One problem with a field. */
export interface FieldProblem {
  /** Path of the field, e.g. `["data", "embeds", 0, "title"]`. */
  path: readonly (string | number)[];
  code: string;
  message: string;
}

/** Collects the problems of one request body. */
export class FormErrors {
  readonly problems: FieldProblem[] = [];

  add(path: readonly (string | number)[], code: string, message: string): void {
    this.problems.push({ path, code, message });
  }

  /** A string longer than `max` (UTF-16 units, never fewer than what Discord counts). */
  maxLength(path: readonly (string | number)[], value: string, max: number): void {
    if (value.length > max) this.add(path, "BASE_TYPE_MAX_LENGTH", `Must be ${max} or fewer in length.`);
  }

  /** A required string: present, not blank, at most `max`. */
  requiredText(path: readonly (string | number)[], value: unknown, max: number): void {
    if (typeof value !== "string" || value.trim() === "") {
      this.add(path, "BASE_TYPE_REQUIRED", "This field is required");
      return;
    }
    this.maxLength(path, value, max);
  }

  /** An optional string of at most `max`. */
  optionalText(path: readonly (string | number)[], value: unknown, max: number): void {
    if (value === undefined || value === null) return;
    if (typeof value !== "string") {
      this.add(path, "STRING_TYPE_CONVERT", "Could not interpret value as string.");
      return;
    }
    this.maxLength(path, value, max);
  }

  /** At most `max` items. */
  maxItems(path: readonly (string | number)[], value: readonly unknown[], max: number): void {
    if (value.length > max) this.add(path, "BASE_TYPE_BAD_LENGTH", `Must be between 0 and ${max} in length.`);
  }

  get ok(): boolean {
    return this.problems.length === 0;
  }

  /** The response body Discord gives for these problems. */
  toResponse(): { code: 50035; message: "Invalid Form Body"; errors: Record<string, unknown> } {
    const errors: Record<string, unknown> = {};
    for (const problem of this.problems) {
      let node = errors;
      for (const key of problem.path) {
        const name = String(key);
        node[name] ??= {};
        node = node[name] as Record<string, unknown>;
      }
      node._errors ??= [];
      (node._errors as { code: string; message: string }[]).push({
        code: problem.code,
        message: problem.message,
      });
    }
    return { code: 50035, message: "Invalid Form Body", errors };
  }
}
