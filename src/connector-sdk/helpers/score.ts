/** `result.score` from what a source knows: raw and its range give `scaled` = (raw − min)/(max − min). */
export interface ScoreInput {
  raw: number;
  min?: number;
  max?: number;
}

/**
 * The two shapes a score comes out in: raw alone (no range known) or all four members. Type
 * aliases without optional members, so a score is assignable to the statement's `result`
 * (JsonObject) as it is: an optional member would be `number | undefined`, which JSON is not.
 */
export type RawScore = { raw: number };
export type ScaledScore = { scaled: number; raw: number; min: number; max: number };
export type XapiScore = RawScore | ScaledScore;

/**
 * A score the LRS accepts (xAPI 1.0.3 §2.4.5.1: min ≤ raw ≤ max, −1 ≤ scaled ≤ 1). Without a
 * range only `raw` is given; a raw outside its range is clamped in `scaled` but kept as sent
 * in `raw` only when it fits, else undefined is returned (the mapping should say why).
 */
export function scoreFrom(input: ScoreInput): XapiScore | undefined {
  const { raw, min, max } = input;
  if (!Number.isFinite(raw)) return undefined;
  if (min === undefined || max === undefined) return { raw };
  if (!Number.isFinite(min) || !Number.isFinite(max) || max <= min || raw < min || raw > max) return undefined;
  return { scaled: round((raw - min) / (max - min)), raw, min, max };
}

/** A percentage (0–100) as a score. */
export function scoreFromPercent(percent: number): XapiScore | undefined {
  return scoreFrom({ raw: percent, min: 0, max: 100 });
}

function round(value: number): number {
  return Math.round(value * 10_000) / 10_000;
}
