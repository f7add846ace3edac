/**
 * RFC 5646 language tags, as used for language map keys and context.language
 * (xAPI 1.0.3 §2.2.s4.b2, §4.2; IEEE 9274.1.1 §4.2.7 "Language Maps").
 * Well-formedness per the RFC's ABNF (§2.1), plus the two validity rules that need no
 * registry: no repeated variant and no repeated extension singleton (§2.2.5, §2.2.6).
 */

const GRANDFATHERED =
  'en-gb-oed|i-ami|i-bnn|i-default|i-enochian|i-hak|i-klingon|i-lux|i-mingo|i-navajo|i-pwn|i-tao|i-tay|i-tsu|' +
  'sgn-be-fr|sgn-be-nl|sgn-ch-de|art-lojban|cel-gaulish|no-bok|no-nyn|zh-guoyu|zh-hakka|zh-min|zh-min-nan|zh-xiang';

const LANGTAG =
  '(?:[a-z]{2,3}(?:-[a-z]{3}){0,3}|[a-z]{4,8})' + // language [-extlang]
  '(?:-[a-z]{4})?' + // script
  '(?:-(?:[a-z]{2}|[0-9]{3}))?' + // region
  '(?:-(?:[a-z0-9]{5,8}|[0-9][a-z0-9]{3}))*' + // variants
  '(?:-[0-9a-wy-z](?:-[a-z0-9]{2,8})+)*' + // extensions
  '(?:-x(?:-[a-z0-9]{1,8})+)?'; // private use

const WELL_FORMED = new RegExp(`^(?:${LANGTAG}|x(?:-[a-z0-9]{1,8})+|${GRANDFATHERED})$`, 'i');
// Most tags in the wild ("en", "en-US", "es-419") take this path and skip the full grammar.
const COMMON = /^[A-Za-z]{2,3}(?:-[A-Za-z]{2}|-[0-9]{3})?$/;

export function isLanguageTag(value: unknown): value is string {
  if (typeof value !== 'string') return false;
  if (COMMON.test(value)) return true;
  return WELL_FORMED.test(value) && hasNoRepeatedSubtags(value);
}

function hasNoRepeatedSubtags(tag: string): boolean {
  const firstHyphen = tag.indexOf('-');
  if (firstHyphen === -1 || tag.indexOf('-', firstHyphen + 1) === -1) return true; // fewer than 3 subtags
  const subtags = tag.toLowerCase().split('-');
  if (subtags[0] === 'x') return true;
  const seenVariants = new Set<string>();
  const seenSingletons = new Set<string>();
  for (let i = 1; i < subtags.length; i++) {
    const subtag = subtags[i];
    if (subtag === 'x') return true; // private use: anything goes after it
    if (subtag.length === 1) {
      if (seenSingletons.has(subtag)) return false;
      seenSingletons.add(subtag);
    } else if (seenSingletons.size === 0 && isVariant(subtag)) {
      if (seenVariants.has(subtag)) return false;
      seenVariants.add(subtag);
    }
  }
  return true;
}

function isVariant(subtag: string): boolean {
  return subtag.length >= 5 || (subtag.length === 4 && subtag.charCodeAt(0) >= 48 && subtag.charCodeAt(0) <= 57);
}

/** A language map: an object whose keys are language tags and whose values are strings. */
export function isLanguageMap(value: unknown): value is Readonly<Record<string, string>> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const map = value as { readonly [key: string]: unknown };
  for (const key in map) {
    if (!isLanguageTag(key) || typeof map[key] !== 'string') return false;
  }
  return true;
}
