import type { Statement } from '../xapi/statement';
import type { Destination } from './destination';

/**
 * A destination that must not see who the learners are (`destinations[].pseudonymise`): each
 * statement is pseudonymised on its way out, for the send and for the compare after a 409
 * (the LRS holds the pseudonymised copy). The outbox keeps the real statement, so replaying a
 * dead letter or erasing a person still works on what the hub knows.
 */
export function withPseudonyms(destination: Destination, pseudonymise: ((statement: Statement) => Statement) | undefined): Destination {
  if (!pseudonymise) return destination;
  return {
    id: destination.id,
    deliver: (statements) => destination.deliver(statements.map(pseudonymise)),
    compare: (statements) => destination.compare(statements.map(pseudonymise)),
  };
}
