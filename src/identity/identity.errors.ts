/** Typed errors of the identity directory; identity-http-errors.ts maps them to HTTP at the edge. */
export class PersonNotFoundError extends Error {
  constructor(readonly personId: string) {
    super(`no person ${personId} in the directory`);
  }
}

/** An identity already belongs to another person: one identifier never points at two learners. */
export class IdentityTakenError extends Error {
  constructor(readonly taken: { identityKey: string; personId: string }[]) {
    super(`${taken.length === 1 ? 'an identity already belongs' : 'identities already belong'} to another person; merge the two people or remove it there first`);
  }
}

/** Bad input from the admin API or a CSV line; every problem names its field. */
export class InvalidPersonError extends Error {
  constructor(
    message: string,
    readonly problems: string[],
  ) {
    super(message);
  }
}
