import type { PersonHint } from '../outcome';
import { mboxOf } from './activity-id';

export interface KnownPerson {
  /** The source's base URL: the account's homePage, as in the statements' actor. */
  homePage: string;
  /** The source's immutable user id. */
  id: string;
  /** An address the caller has checked (isEmail); linked to the account as a lower-cased mbox. */
  email?: string;
  name?: string;
  /** Reporting attributes; left out when empty. */
  attributes?: Record<string, string>;
}

/**
 * What a source says about who someone is, for the identity directory: the source's account,
 * linked to an e-mail address when the source gives one, with the name and attributes it knows.
 */
export function personHint(person: KnownPerson): PersonHint {
  return {
    identities: [{ account: { homePage: person.homePage, name: person.id } }, ...(person.email ? [{ mbox: mboxOf(person.email) }] : [])],
    ...(person.name ? { name: person.name } : {}),
    ...(person.attributes && Object.keys(person.attributes).length > 0 ? { attributes: person.attributes } : {}),
  };
}
