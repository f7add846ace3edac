import { Injectable } from '@nestjs/common';
import { conflict, invalidRequest, notFound } from '../lrs-errors';
import type { Actor, Statement } from '../../xapi/statement';
import { validateStatement } from '../../xapi/validation';
import type { XapiVersion } from '../../xapi/xapi-version';
import { AttachmentPartsError, type AttachmentContent, declaredAttachments, matchAttachmentParts } from '../attachments/attachment-parts';
import { AttachmentStore } from '../attachments/attachment-store';
import type { MultipartPart } from '../attachments/multipart';
import { signatureProblem } from '../attachments/signed-statement';
import { prepareStatement } from './prepare-statement';
import type { StatementQuery } from './statement-query-params';
import { StatementConflictError, StatementStore, VoidingVoidError } from './statement-store';

export interface StatementPage {
  statements: Statement[];
  /** The last row's seq when there may be more, for the `more` cursor. */
  nextAfterSeq?: number;
  /** The newest `stored` on the page, for Last-Modified. */
  lastStored?: string;
}

/** What delivery learns of one statement of a batch (never an HTTP status). */
export type DeliveredStatementOutcome =
  | { outcome: 'stored' | 'identical' }
  | { outcome: 'conflict' | 'invalid'; message: string };

export interface FoundStatement {
  statement: Statement;
  stored: string;
}

/** The built-in LRS's statement rules, shared by the /xapi controller and in-process delivery. */
@Injectable()
export class StatementsService {
  constructor(
    private readonly statementStore: StatementStore,
    private readonly attachmentStore: AttachmentStore,
  ) {}

  /**
   * Validates and stores a batch atomically: one invalid statement stores nothing; a
   * repeated id inside the batch is 400; an id stored with other content is 409.
   * `parts` are the multipart parts after the statements (attachment bytes), if any.
   */
  async store(input: unknown[], authority: Actor, version: XapiVersion, parts: readonly MultipartPart[] = []): Promise<string[]> {
    const problems = input.flatMap((statement, i) =>
      validateStatement(statement, version).map((issue) => `${input.length > 1 ? `[${i}].` : ''}${issue.path}: ${issue.reason}`),
    );
    if (problems.length > 0) throw invalidRequest('invalid statement', problems);
    const statements = input as Statement[];
    const attachments = this.checkAttachments(statements, parts);

    try {
      const { statements: stored } = await this.statementStore.insert((at) => {
        const prepared = statements.map((statement) => prepareStatement(statement, { stored: at, authority, version }));
        const seen = new Set<string>();
        for (const statement of prepared) {
          if (seen.has(statement.id)) throw invalidRequest(`statement id ${statement.id} appears twice in one request`);
          seen.add(statement.id);
        }
        return prepared;
      }, attachments);
      return stored.map((s) => s.id);
    } catch (error) {
      if (error instanceof StatementConflictError) throw conflict(error.message, [`id: ${error.statementId}`]);
      if (error instanceof VoidingVoidError) throw invalidRequest(error.message, [`id: ${error.statementId}`]);
      throw error;
    }
  }

  /**
   * Stores a delivery batch and says what became of each statement, in input order, instead
   * of refusing the batch for one bad statement: `stored`; `identical` (held already with the
   * same content: done); `conflict` (held with other content, xAPI 1.0.3 §2.1.2); `invalid`
   * (with the reasons). The good ones are stored whatever the others are.
   */
  async storeEach(input: readonly Statement[], authority: Actor, version: XapiVersion): Promise<DeliveredStatementOutcome[]> {
    const outcomes: (DeliveredStatementOutcome | undefined)[] = input.map((statement) => {
      const problem = this.problemOf(statement, version);
      return problem ? { outcome: 'invalid', message: problem } : undefined;
    });
    let pending = input.flatMap((statement, index) => (outcomes[index] ? [] : [{ statement, index }]));
    while (pending.length > 0) {
      try {
        const batch = pending;
        const { statements: prepared, freshIds } = await this.statementStore.insert((stored) =>
          batch.map(({ statement }) => prepareStatement(statement, { stored, authority, version })),
        );
        const fresh = new Set(freshIds);
        prepared.forEach((p, i) => (outcomes[batch[i].index] = { outcome: fresh.has(p.id) ? 'stored' : 'identical' }));
        pending = [];
      } catch (error) {
        // The store refuses the whole transaction for one statement: set it aside and store the rest.
        if (!(error instanceof StatementConflictError || error instanceof VoidingVoidError)) throw error;
        const outcome = error instanceof StatementConflictError ? 'conflict' : 'invalid';
        const refused = pending.filter(({ statement }) => statement.id?.toLowerCase() === error.statementId);
        if (refused.length === 0) throw error;
        for (const { index } of refused) outcomes[index] = { outcome, message: error.message };
        pending = pending.filter((item) => !refused.includes(item));
      }
    }
    return outcomes.map((outcome) => outcome ?? { outcome: 'invalid', message: 'not stored' });
  }

  /** Why one statement cannot be stored as it is (validation, attachments, signature), if it cannot. */
  private problemOf(statement: Statement, version: XapiVersion): string | undefined {
    const issues = validateStatement(statement, version).map((issue) => `${issue.path}: ${issue.reason}`);
    if (issues.length > 0) return `invalid statement: ${issues.join('; ')}`;
    try {
      const problem = signatureProblem(statement, matchAttachmentParts([statement], []));
      return problem && `malformed signature: ${problem}`;
    } catch (error) {
      if (error instanceof AttachmentPartsError) return error.message;
      throw error;
    }
  }

  /**
   * The statement by id: `voided` asks for a voided one (voidedStatementId), else a live one;
   * `authorityKey` limits it to statements that authority wrote.
   */
  async findById(id: string, voided: boolean, authorityKey?: string): Promise<FoundStatement> {
    const row = await this.statementStore.findById(id);
    if (!row || row.voided !== voided || (authorityKey !== undefined && row.authorityKey !== authorityKey)) {
      throw notFound(voided ? `no voided statement ${id}` : `no statement ${id}`);
    }
    return { statement: JSON.parse(row.fullJson) as Statement, stored: row.stored };
  }

  /** Reads one more row than asked, to know whether a `more` link is needed. */
  async query(query: StatementQuery): Promise<StatementPage> {
    const rows = await this.statementStore.query({ ...query, limit: query.limit + 1 });
    const page = rows.slice(0, query.limit);
    return {
      statements: page.map((row) => JSON.parse(row.fullJson) as Statement),
      nextAfterSeq: rows.length > query.limit ? page[page.length - 1].seq : undefined,
      lastStored: page.map((row) => row.stored).sort().pop(),
    };
  }

  /** The stored bytes of the statements' attachments (those that were sent, not fileUrl-only). */
  attachmentsOf(statements: readonly Statement[]): Promise<AttachmentContent[]> {
    return this.attachmentStore.findByHashes(declaredAttachments(statements).map((a) => a.sha2));
  }

  /**
   * Every statement written before this instant is readable (the X-Experience-API-Consistent-Through
   * header), whichever LRS process on this database wrote it.
   */
  consistentThrough(): Promise<string> {
    return this.statementStore.consistentThrough();
  }

  private checkAttachments(statements: Statement[], parts: readonly MultipartPart[]): AttachmentContent[] {
    let attachments: AttachmentContent[];
    try {
      attachments = matchAttachmentParts(statements, parts);
    } catch (error) {
      if (error instanceof AttachmentPartsError) throw invalidRequest(error.message);
      throw error;
    }
    for (const [i, statement] of statements.entries()) {
      const problem = signatureProblem(statement, attachments);
      if (problem) throw invalidRequest(`malformed signature${statements.length > 1 ? ` in statement [${i}]` : ''}: ${problem}`);
    }
    return attachments;
  }
}
