import { Injectable } from '@nestjs/common';
import { badRequest, conflict, HttpProblem } from '../../http/http-errors';
import type { Actor, Statement } from '../../xapi/statement';
import { validateStatement } from '../../xapi/validation';
import type { XapiVersion } from '../../xapi/xapi-version';
import { prepareStatement } from './prepare-statement';
import { StatementConflictError, type StatementQuery, StatementStore } from './statement-store';

export interface StatementPage {
  statements: Statement[];
  /** The last row's seq when there may be more, for the `more` cursor. */
  nextAfterSeq?: number;
}

/** The built-in LRS's statement rules, shared by the /xapi controller and in-process delivery. */
@Injectable()
export class StatementsService {
  constructor(private readonly statementStore: StatementStore) {}

  /**
   * Validates and stores a batch atomically: one invalid statement stores nothing; a
   * repeated id inside the batch is 400; an id stored with other content is 409.
   */
  async store(input: unknown[], authority: Actor, version: XapiVersion): Promise<string[]> {
    const problems = input.flatMap((statement, i) =>
      validateStatement(statement, version).map((issue) => `${input.length > 1 ? `[${i}].` : ''}${issue.path}: ${issue.reason}`),
    );
    if (problems.length > 0) throw badRequest('invalid statement', problems);

    const stored = new Date();
    const prepared = (input as Statement[]).map((statement) => prepareStatement(statement, { stored, authority, version }));
    const seen = new Set<string>();
    for (const statement of prepared) {
      if (seen.has(statement.id)) throw badRequest(`statement id ${statement.id} appears twice in one request`);
      seen.add(statement.id);
    }
    try {
      await this.statementStore.insert(prepared);
    } catch (error) {
      if (error instanceof StatementConflictError) throw conflict(error.message, [`id: ${error.statementId}`]);
      throw error;
    }
    return prepared.map((s) => s.id);
  }

  async findById(id: string, voided: boolean): Promise<Statement> {
    const row = await this.statementStore.findById(id);
    if (!row || row.voided !== voided) {
      throw new HttpProblem(404, voided ? `no voided statement ${id}` : `no statement ${id}`);
    }
    return JSON.parse(row.fullJson) as Statement;
  }

  /** Reads one more row than asked, to know whether a `more` link is needed. */
  async query(query: StatementQuery): Promise<StatementPage> {
    const rows = await this.statementStore.query({ ...query, limit: query.limit + 1 });
    const page = rows.slice(0, query.limit);
    return {
      statements: page.map((row) => JSON.parse(row.fullJson) as Statement),
      nextAfterSeq: rows.length > query.limit ? page[page.length - 1].seq : undefined,
    };
  }
}
