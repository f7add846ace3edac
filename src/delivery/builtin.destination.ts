import { HUB_DELIVERY_AUTHORITY } from '../lrs/auth/lrs-credentials';
import type { StatementsService } from '../lrs/statements/statements.service';
import type { Statement } from '../xapi/statement';
import { DEFAULT_XAPI_VERSION } from '../xapi/xapi-version';
import type { BatchAnswer, HeldStatement } from './batch-answer';
import type { Destination } from './destination';

/**
 * The hub's own LRS, called in-process: one StatementsService.storeEach per batch, which
 * says per statement what happened (no HTTP status, no all-or-nothing rollback).
 */
export class BuiltinDestination implements Destination {
  constructor(
    readonly id: string,
    private readonly statements: StatementsService,
  ) {}

  async deliver(statements: readonly Statement[]): Promise<BatchAnswer> {
    return { kind: 'per-statement', results: await this.statements.storeEach(statements, HUB_DELIVERY_AUTHORITY, DEFAULT_XAPI_VERSION) };
  }

  /** Never needed (storeEach already compares), but answered the same way. */
  async compare(statements: readonly Statement[]): Promise<HeldStatement[]> {
    const results = await this.statements.storeEach(statements, HUB_DELIVERY_AUTHORITY, DEFAULT_XAPI_VERSION);
    return results.map((r) => (r.outcome === 'conflict' ? 'different' : r.outcome === 'invalid' ? 'absent' : 'identical'));
  }
}
