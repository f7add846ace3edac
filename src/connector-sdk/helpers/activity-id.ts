import { withoutTrailingSlash } from './source-values';

/**
 * Activity ids from a source's stable ids, never from titles: `base` is the source's own
 * URL (its canonical page where it has one), and the id parts are path segments, escaped.
 * activityIdFrom('https://lms.acme.example', 'course', '42') → https://lms.acme.example/course/42
 */
export function activityIdFrom(base: string, ...parts: (string | number)[]): string {
  const root = withoutTrailingSlash(base);
  new URL(root); // throws for a base that is not an absolute IRI
  return [root, ...parts.map((part) => encodeURIComponent(String(part)))].join('/');
}

/** `mailto:` IRI for an e-mail address, lower-cased (one person, one mbox). */
export function mboxOf(email: string): string {
  return `mailto:${email.trim().toLowerCase()}`;
}

/** Whether a text looks like an e-mail address a mailto: IRI can carry. */
export function isEmail(text: string | undefined): text is string {
  return typeof text === 'string' && /^[^\s@<>()[\]\\,;:"]+@[^\s@<>()[\]\\,;:"]+\.[^\s@<>()[\]\\,;:"]+$/.test(text.trim());
}
