import { IsArray, IsInt, IsString, IsUrl, Max, Min, MinLength } from 'class-validator';

/**
 * The validators connector config classes (hub.yaml `config:`) repeat, one decorator each.
 * The host validates with `stopAtFirstError`, checking a field's decorators from the bottom
 * one up; each bundle applies its parts in that same order (the type check first), so a field
 * written with a bundle reports exactly what the stack it replaces reported.
 */

/** Options of every URL a connector is configured with: http(s), host names without a TLD allowed (intranets, tests). */
export const HTTP_URL_OPTIONS = { require_tld: false, require_protocol: true, protocols: ['https', 'http'] };

/** Checks the decorators in the order given: the first one as the bottom one of a stack. */
function inOrder(...decorators: PropertyDecorator[]): PropertyDecorator {
  return (target, property) => {
    for (const decorator of decorators) decorator(target, property);
  };
}

/** An absolute http(s) URL: an API base, a site, a feed, this hub's own hook. */
export function IsHttpUrl(): PropertyDecorator {
  return IsUrl(HTTP_URL_OPTIONS);
}

/** A string that is not empty: an id, a credential filled from `${ENV}`, a field name. */
export function IsNonEmptyText(): PropertyDecorator {
  return inOrder(IsString(), MinLength(1));
}

/** A whole number from `min` to `max` (minutes between polls, days to look back, a page size). */
export function IsIntBetween(min: number, max: number): PropertyDecorator {
  return inOrder(IsInt(), Min(min), Max(max));
}

/** A list of strings (keywords, names, statuses); may be empty. */
export function IsTextList(): PropertyDecorator {
  return inOrder(IsArray(), IsString({ each: true }));
}
