import type { Actor } from '../xapi/statement';

/**
 * One identifier a source knows a learner by: an xAPI inverse functional identifier, or a
 * source's own user id (`source` is the connector instance's id). The connector SDK carries
 * the same shapes; the lead unifies the two copies.
 */
export type Identity =
  | { mbox: string }
  | { mbox_sha1sum: string }
  | { openid: string }
  | { account: { homePage: string; name: string } }
  | { source: string /* instance id */; id: string };

/** What a connector (an HR roster, Slack `users.info`) or a CSV line tells the directory about a person. */
export interface PersonHint {
  identities: Identity[];
  name?: string;
  attributes?: Record<string, string>;
}

/** A person as the directory hands it to resolution: no database shapes. */
export interface DirectoryPerson {
  id: string;
  /** The canonical Agent: an mbox or an account, with the person's name. */
  actor: Actor;
  attributes: Record<string, string>;
}

/** A person as the admin API shows it. */
export interface PersonRecord extends DirectoryPerson {
  name: string | null;
  identities: Identity[];
  createdAt: string;
  updatedAt: string;
}
