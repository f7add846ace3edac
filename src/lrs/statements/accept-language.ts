/** The language ranges of an Accept-Language header, most preferred first (RFC 7231 §5.3.5). */
export function acceptedLanguages(header: string | undefined): string[] {
  if (!header) return [];
  return header
    .split(',')
    .map((entry, index) => {
      const [range, ...params] = entry.trim().split(';');
      const q = params.map((p) => /^\s*q\s*=\s*([0-9.]+)\s*$/i.exec(p)?.[1]).find((v) => v !== undefined);
      return { range: range.trim().toLowerCase(), q: q === undefined ? 1 : Number(q), index };
    })
    .filter((entry) => entry.range !== '' && entry.q > 0)
    .sort((a, b) => b.q - a.q || a.index - b.index)
    .map((entry) => entry.range);
}

/**
 * The one key of a language map to keep for a reader who accepts `languages`
 * (xAPI 1.0.3 Communication §2.1.3 "Language Filtering Requirements for Canonical Format"):
 * an exact tag, then a tag the range is a prefix of ("en" → "en-GB"), then one of the same
 * primary language, then `und`, then the first key.
 */
export function bestLanguage(keys: readonly string[], languages: readonly string[]): string | undefined {
  if (keys.length === 0) return undefined;
  const lower = keys.map((k) => k.toLowerCase());
  for (const range of languages) {
    if (range === '*') return keys[0];
    const exact = lower.indexOf(range);
    if (exact >= 0) return keys[exact];
    const narrower = lower.findIndex((k) => k.startsWith(`${range}-`));
    if (narrower >= 0) return keys[narrower];
  }
  for (const range of languages) {
    const primary = range.split('-')[0];
    const same = lower.findIndex((k) => k === primary || k.startsWith(`${primary}-`));
    if (same >= 0) return keys[same];
  }
  const undetermined = lower.indexOf('und');
  return keys[undetermined >= 0 ? undetermined : 0];
}

/** A language map reduced to its best entry for the reader. */
export function pickLanguage(map: Record<string, string>, languages: readonly string[]): Record<string, string> {
  const key = bestLanguage(Object.keys(map), languages);
  return key === undefined ? {} : { [key]: map[key] };
}
