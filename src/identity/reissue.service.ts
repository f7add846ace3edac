import { Injectable } from '@nestjs/common';
import { HUB_DELIVERY_AUTHORITY } from '../lrs/auth/lrs-credentials';
import { agentKey } from '../lrs/statements/agent-key';
import { StatementsService } from '../lrs/statements/statements.service';
import type { Actor, Statement } from '../xapi/statement';
import { DEFAULT_XAPI_VERSION } from '../xapi/xapi-version';
import { identityKey } from './identity-key';
import { PersonNotFoundError } from './identity.errors';
import type { Identity } from './identity.types';
import { PeopleRepository } from './people.repository';
import { planReissue, type ReissuePlan } from './plan-reissue';

const PAGE = 500;
/** Pairs (void + copy) stored per atomic batch. */
const BATCH = 250;

/** Void + re-send, in the built-in LRS, the past statements of an identifier now known to be this person. */
@Injectable()
export class ReissueService {
  constructor(
    private readonly people: PeopleRepository,
    private readonly statements: StatementsService,
  ) {}

  /**
   * `from` is an xAPI identifier as the LRS holds it (not a source id): the LRS keys an e-mail
   * as it was sent, so it is looked up as given, and compared normalised.
   */
  async reissue(personId: string, from: Exclude<Identity, { source: string }>, sourceActor?: Identity): Promise<ReissuePlan> {
    const person = await this.people.get(personId);
    if (!person) throw new PersonNotFoundError(personId);
    const stored = await this.statementsOf({ objectType: 'Agent', ...from });
    const plan = planReissue(stored, {
      fromKey: identityKey(from),
      to: person.actor,
      ...(sourceActor ? { sourceActorKey: identityKey(sourceActor) } : {}),
    });
    for (let i = 0; i < plan.corrected.length; i += BATCH) {
      // Each copy with its voiding statement in one atomic batch: never one without the other.
      const batch = [...plan.corrected.slice(i, i + BATCH), ...plan.voiding.slice(i, i + BATCH)];
      await this.statements.store(batch, HUB_DELIVERY_AUTHORITY, DEFAULT_XAPI_VERSION);
    }
    return plan;
  }

  /** Every live statement of the built-in LRS `from` is in (as actor, object, instructor, member…). */
  private async statementsOf(from: Actor): Promise<Statement[]> {
    const key = agentKey(from)!;
    const out: Statement[] = [];
    let afterSeq: number | undefined;
    do {
      const page = await this.statements.query({ agentKey: key, relatedAgents: true, ascending: true, limit: PAGE, afterSeq });
      out.push(...page.statements);
      afterSeq = page.nextAfterSeq;
    } while (afterSeq !== undefined);
    return out;
  }
}
