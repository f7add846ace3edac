/** Result and Score (xAPI 1.0.3 §2.4.5; IEEE 9274.1.1 §4.2.2.4). */
import { checkBoolean, checkExtensions, checkObject, checkString } from './common.rules';
import { checkProperties, child, mustBe, report, shape, type JsonRecord, type RuleContext } from './issues';
import { isFiniteNumber } from './primitives';
import { isIsoDuration } from './timestamp';

const RESULT = shape('a Result', ['score', 'success', 'completion', 'response', 'duration', 'extensions']);
const SCORE = shape('a Score', ['scaled', 'raw', 'min', 'max']);

export function checkResult(ctx: RuleContext, value: unknown, path: string): void {
  if (!checkObject(ctx, value, path, 'a Result')) return;
  checkProperties(ctx, value, path, RESULT);
  if (value.score !== undefined) checkScore(ctx, value.score, child(path, 'score'));
  if (value.success !== undefined) checkBoolean(ctx, value.success, child(path, 'success'));
  if (value.completion !== undefined) checkBoolean(ctx, value.completion, child(path, 'completion'));
  if (value.response !== undefined) checkString(ctx, value.response, child(path, 'response'));
  if (value.duration !== undefined) checkDuration(ctx, value.duration, child(path, 'duration'));
  if (value.extensions !== undefined) checkExtensions(ctx, value.extensions, child(path, 'extensions'));
}

// xAPI 1.0.3 §4.6: ISO 8601:2004 §4.4.3.2 durations only.
function checkDuration(ctx: RuleContext, value: unknown, path: string): void {
  if (!checkString(ctx, value, path)) return;
  if (!isIsoDuration(value)) {
    report(ctx, path, 'must be an ISO 8601 duration such as "PT1H30M", "PT4.5S", "P3Y1M29DT4H" or "P4W" (weeks cannot be combined with other units)');
  }
}

// §2.4.5.1: scaled in [-1, 1]; min < max; min <= raw <= max for whichever bounds are present.
function checkScore(ctx: RuleContext, value: unknown, path: string): void {
  if (!checkObject(ctx, value, path, 'a Score')) return;
  checkProperties(ctx, value, path, SCORE);
  const scaled = numberAt(ctx, value, 'scaled', path);
  const raw = numberAt(ctx, value, 'raw', path);
  const min = numberAt(ctx, value, 'min', path);
  const max = numberAt(ctx, value, 'max', path);
  if (scaled !== undefined && (scaled < -1 || scaled > 1)) {
    report(ctx, child(path, 'scaled'), 'must be between -1 and 1 inclusive');
  }
  if (min !== undefined && max !== undefined && min >= max) {
    report(ctx, child(path, 'min'), 'must be less than "max"');
  }
  if (raw !== undefined && min !== undefined && raw < min) {
    report(ctx, child(path, 'raw'), 'must not be less than "min"');
  }
  if (raw !== undefined && max !== undefined && raw > max) {
    report(ctx, child(path, 'raw'), 'must not be greater than "max"');
  }
}

function numberAt(ctx: RuleContext, score: JsonRecord, key: string, path: string): number | undefined {
  const value = score[key];
  if (value === undefined) return undefined;
  if (isFiniteNumber(value)) return value;
  const hint = typeof value === 'string' ? ' (a JSON number, not a quoted string)' : '';
  report(ctx, child(path, key), mustBe('a number', value) + hint);
  return undefined;
}
