import { HttpProblem } from '../http/http-errors';
import { HUB_DELIVERY_AUTHORITY } from '../lrs/auth/lrs-credentials';
import type { StatementsService } from '../lrs/statements/statements.service';
import type { Statement } from '../xapi/statement';
import { DEFAULT_XAPI_VERSION } from '../xapi/xapi-version';
import { classifyLrsAnswer } from './classify-lrs-answer';
import { DeliveryFailedError, type Destination } from './destination';

/** The hub's own LRS, called in-process: same rules as /xapi, no HTTP hop. */
export class BuiltinDestination implements Destination {
  constructor(
    readonly id: string,
    private readonly statements: StatementsService,
  ) {}

  async deliver(statements: Statement[]): Promise<void> {
    try {
      await this.statements.store(statements, HUB_DELIVERY_AUTHORITY, DEFAULT_XAPI_VERSION);
    } catch (error) {
      if (!(error instanceof HttpProblem)) throw error; // database trouble: BullMQ retries
      const verdict = classifyLrsAnswer(error.status);
      if (verdict === 'delivered') return;
      throw new DeliveryFailedError(verdict, [error.message, ...error.details].join('; '), error.status);
    }
  }
}
