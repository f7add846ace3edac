import { HUB_DELIVERY_AUTHORITY } from '../lrs/auth/lrs-credentials';
import { LRS_ERROR_STATUS } from '../lrs/http/lrs-error-status';
import { LrsError } from '../lrs/lrs-errors';
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
      if (!(error instanceof LrsError)) throw error; // database trouble: BullMQ retries
      // Interim until delivery classifies LrsError kinds itself (issue #11, delivery's part).
      const status = LRS_ERROR_STATUS[error.kind];
      const verdict = classifyLrsAnswer(status);
      if (verdict === 'delivered') return;
      throw new DeliveryFailedError(verdict, [error.message, ...error.details].join('; '), status);
    }
  }
}
