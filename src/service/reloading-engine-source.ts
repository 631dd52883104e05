import type { Logger } from "pino";
import type { Engine } from "../core/engine.js";
import type { EngineSource } from "../core/engine-source.js";
import { BackstoryError } from "../core/errors.js";
import type { EngineOrigin } from "../core/snapshot/index.js";

/** Builds a complete engine, or rejects; never yields a half-built one. */
export type EngineBuilder = () => Promise<{ engine: Engine; origin: EngineOrigin }>;

/** The engine now serving and how it came to be. */
export interface ServingEngine {
  engine: Engine;
  origin: EngineOrigin;
  /** 1 for the first load, +1 for each successful reload. */
  generation: number;
  loadedAt: number;
  buildMs: number;
}

/** What one load or reload did. */
export type ReloadOutcome =
  | { ok: true; serving: ServingEngine; reason: string }
  | { ok: false; error: Error; reason: string; kept?: ServingEngine };

/** Options of ReloadingEngineSource. */
export interface ReloadingEngineSourceOptions {
  build: EngineBuilder;
  logger: Logger;
  /** Called after every load or reload, successful or not (metrics). */
  onOutcome?: (outcome: ReloadOutcome) => void;
}

/**
 * An EngineSource whose engine can be rebuilt in the background and swapped
 * in atomically: `current()` always returns a complete engine, the previous one
 * until the new one is whole. A failed rebuild keeps the previous engine and
 * logs why. Reloads never overlap: asking during one schedules a single
 * follow-up, since the running build may have read the files before the change.
 */
export class ReloadingEngineSource implements EngineSource {
  private servingNow: ServingEngine | undefined;
  private pending: { reasons: string[]; waiters: ((outcome: ReloadOutcome) => void)[] } | undefined;
  private loop: Promise<void> | undefined;
  private readonly listeners = new Set<(outcome: ReloadOutcome) => void>();

  constructor(private readonly options: ReloadingEngineSourceOptions) {}

  /** The serving engine; throws `index_not_ready` before the first load completes. */
  current(): Engine {
    if (!this.servingNow) {
      throw new BackstoryError(
        "index_not_ready",
        "Backstory is still loading its articles. Try again shortly.",
      );
    }
    return this.servingNow.engine;
  }

  /** The serving engine with its origin and generation, if loaded. */
  get serving(): ServingEngine | undefined {
    return this.servingNow;
  }

  /**
   * Builds a new engine and swaps it in; resolves with the outcome of a build
   * that started after this call (requests made during a build share the next one).
   */
  reload(reason: string): Promise<ReloadOutcome> {
    return new Promise((resolve) => {
      this.pending ??= { reasons: [], waiters: [] };
      this.pending.reasons.push(reason);
      this.pending.waiters.push(resolve);
      this.loop ??= this.runPending();
    });
  }

  /** Calls `listener` after every load or reload; returns the function that stops it. */
  subscribe(listener: (outcome: ReloadOutcome) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Resolves when no reload is running or pending (for shutdown and tests). */
  async settled(): Promise<void> {
    await this.loop;
  }

  private async runPending(): Promise<void> {
    while (this.pending) {
      const batch = this.pending;
      this.pending = undefined;
      const outcome = await this.runOnce([...new Set(batch.reasons)].join("; "));
      for (const wake of batch.waiters) wake(outcome);
    }
    this.loop = undefined;
  }

  private async runOnce(reason: string): Promise<ReloadOutcome> {
    const { logger } = this.options;
    const previous = this.servingNow;
    const started = performance.now();
    let outcome: ReloadOutcome;
    try {
      const built = await this.options.build();
      refuseEmptyReplacement(built.engine, previous);
      const serving: ServingEngine = {
        engine: built.engine,
        origin: built.origin,
        generation: (previous?.generation ?? 0) + 1,
        loadedAt: Date.now(),
        buildMs: Math.round(performance.now() - started),
      };
      this.servingNow = serving;
      outcome = { ok: true, serving, reason };
      logger.info(
        {
          reason,
          origin: serving.origin,
          generation: serving.generation,
          buildMs: serving.buildMs,
          ...sizeOf(serving.engine),
        },
        previous ? "index reloaded" : "index loaded",
      );
      for (const warning of built.engine.warnings) logger.warn({ file: warning.file }, warning.reason);
    } catch (error) {
      const err = error instanceof Error ? error : new Error(String(error));
      outcome = previous
        ? { ok: false, error: err, reason, kept: previous }
        : { ok: false, error: err, reason };
      logger.error(
        { reason, err, keptGeneration: previous?.generation },
        previous ? "index reload failed; the previous index keeps serving" : "index load failed",
      );
    }
    this.options.onOutcome?.(outcome);
    for (const listener of this.listeners) listener(outcome);
    return outcome;
  }
}

// An empty corpus after a non-empty one is almost always a deploy or sync in
// progress (files deleted before new ones land): serving nothing would be worse.
function refuseEmptyReplacement(engine: Engine, previous: ServingEngine | undefined): void {
  if (engine.stats.documents === 0 && previous && previous.engine.stats.documents > 0) {
    throw new Error(
      `the corpus now has no readable articles (${engine.warnings.length} file(s) skipped); keeping the previous index of ${previous.engine.stats.documents} documents`,
    );
  }
}

function sizeOf(engine: Engine): Record<string, number> {
  const { documents, passages, quotes, events, entities, warnings } = engine.stats;
  return { documents, passages, quotes, events, entities, warnings };
}
