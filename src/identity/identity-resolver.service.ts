import { Inject, Injectable } from '@nestjs/common';
import { HubLogger } from '../observability/hub-logger';
import type { Statement } from '../xapi/statement';
import { DirectoryCache } from './directory-cache';
import { HeldStatementsRepository } from './held-statements.repository';
import { identityKey } from './identity-key';
import { DEFAULT_IDENTITY_SETTINGS, INSTANCE_IDENTITY_SETTINGS, type InstanceIdentitySettings } from './identity-settings';
import { IdentityTakenError } from './identity.errors';
import type { PersonHint } from './identity.types';
import { PeopleRepository } from './people.repository';
import { planLearning } from './plan-learning';
import { resolveStatement } from './resolve-statement';

export interface ResolveResult {
  /** Resolved (or passed through) statements, their ids unchanged, ready for validation. */
  statements: Statement[];
  /** Statements of unknown actors under the `hold` policy: already stored, not to be sent. */
  held: Statement[];
}

export type LearningOutcome =
  | { kind: 'created' | 'updated' | 'unchanged'; personId: string }
  | { kind: 'conflict'; personIds: string[] }
  | { kind: 'skipped'; reason: string };

export interface ReleasedStatement {
  /** Pass to `markReleased` once the statement is safely on its way (outbox committed). */
  heldId: number;
  eventId: string | null;
  instanceId: string;
  /** Resolved with today's directory. */
  statement: Statement;
}

/**
 * The seam the normalize step calls: resolve a batch against this process's cached copy of
 * the directory (no database round trip unless the directory changed), hold what must wait,
 * learn from connectors' hints, and release what an admin has since resolved.
 */
@Injectable()
export class IdentityResolver {
  constructor(
    private readonly people: PeopleRepository,
    private readonly cache: DirectoryCache,
    private readonly heldStatements: HeldStatementsRepository,
    @Inject(INSTANCE_IDENTITY_SETTINGS) private readonly settings: Map<string, InstanceIdentitySettings>,
    private readonly logger: HubLogger,
  ) {}

  /**
   * Resolves each statement's people to their canonical actors. Under the instance's `hold`
   * policy a statement whose learner is unknown is stored (with `eventId`, for the release)
   * and returned in `held` instead; under `pass` it goes on with the source's identity.
   */
  async resolve(instanceId: string, statements: Statement[], eventId?: string): Promise<ResolveResult> {
    const settings = this.settingsOf(instanceId);
    const { byKey } = await this.cache.current();
    const lookup = (key: string) => byKey.get(key);
    const result: ResolveResult = { statements: [], held: [] };
    const toHold: { identityKey: string; statement: Statement }[] = [];
    for (const statement of statements) {
      const resolved = resolveStatement(statement, lookup, { instanceId, cohortAttributes: settings.cohortAttributes });
      if (resolved.unknownActorKey && settings.unknownActors === 'hold') {
        toHold.push({ identityKey: resolved.unknownActorKey, statement });
        result.held.push(statement);
      } else {
        result.statements.push(resolved.statement);
      }
    }
    if (toHold.length > 0) await this.heldStatements.hold(instanceId, eventId ?? null, toHold);
    return result;
  }

  /**
   * Fills the directory from hints (an HR roster, Slack users.info, a CSV import). A hint that
   * matches two different people changes neither: the conflict is logged (person ids only) and
   * returned, for an admin to merge or correct.
   */
  async learn(instanceId: string, hints: PersonHint[]): Promise<LearningOutcome[]> {
    const outcomes: LearningOutcome[] = [];
    for (const hint of hints) outcomes.push(await this.learnOne(instanceId, hint));
    if (outcomes.some((o) => o.kind === 'created' || o.kind === 'updated')) this.cache.invalidate();
    return outcomes;
  }

  /**
   * Held statements whose unknown identity now belongs to this person, resolved with today's
   * directory. They stay held until `markReleased`: a crash between the two sends them again
   * (their ids make the repeat a no-op), never loses them.
   */
  async releaseHeld(personId: string): Promise<ReleasedStatement[]> {
    const keys = await this.people.identityKeysOf(personId);
    const held = await this.heldStatements.forKeys(keys);
    // Most people learned from a roster have nothing held: no directory reload for them.
    if (held.length === 0) return [];
    this.cache.invalidate();
    const { byKey } = await this.cache.current();
    return held.map((item) => ({
      heldId: item.heldId,
      eventId: item.eventId,
      instanceId: item.instanceId,
      statement: resolveStatement(item.statement, (key) => byKey.get(key), {
        instanceId: item.instanceId,
        cohortAttributes: this.settingsOf(item.instanceId).cohortAttributes,
      }).statement,
    }));
  }

  async markReleased(heldIds: readonly number[]): Promise<void> {
    await this.heldStatements.remove(heldIds);
  }

  /** A directory write happened in this process: the next resolve sees it. */
  directoryChanged(): void {
    this.cache.invalidate();
  }

  private async learnOne(instanceId: string, hint: PersonHint): Promise<LearningOutcome> {
    const keys = hint.identities.map(identityKey);
    const owners = await this.people.ownersOf(keys);
    const ownerIds = [...new Set(owners.values())];
    const current = ownerIds.length === 1 ? await this.people.get(ownerIds[0]) : undefined;
    const plan = planLearning(hint, owners, current);
    try {
      switch (plan.kind) {
        case 'create':
          return { kind: 'created', personId: (await this.people.create({ actor: plan.actor, attributes: plan.attributes, identities: plan.identities })).id };
        case 'update':
          await this.people.learnInto(plan.personId, plan.newIdentities, plan.name, plan.attributes);
          return { kind: 'updated', personId: plan.personId };
        case 'unchanged':
          return plan;
        case 'skip':
          return { kind: 'skipped', reason: plan.reason };
        case 'conflict':
          this.logger.pino.warn({ instanceId, personIds: plan.personIds }, 'identity hint matches several people; kept them apart (merge them in the admin API if they are one)');
          return plan;
      }
    } catch (error) {
      // Another process claimed an identity between our read and our write.
      if (!(error instanceof IdentityTakenError)) throw error;
      const personIds = [...new Set([...ownerIds, ...error.taken.map((t) => t.personId)])].sort();
      this.logger.pino.warn({ instanceId, personIds }, 'identity hint raced another writer; kept the people apart');
      return { kind: 'conflict', personIds };
    }
  }

  private settingsOf(instanceId: string): InstanceIdentitySettings {
    return this.settings.get(instanceId) ?? DEFAULT_IDENTITY_SETTINGS;
  }
}
