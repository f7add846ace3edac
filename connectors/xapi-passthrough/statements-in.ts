import { createHash } from 'node:crypto';
import { type InboundRequest, jsonBody, RequestRejectedError, statementIdFor } from '../../src/connector-sdk';
import type { Statement } from '../../src/xapi/statement';
import { validateStatement } from '../../src/xapi/validation';
import type { ValidationIssue } from '../../src/xapi/validation/issues';
import { isUuid } from '../../src/xapi/validation/primitives';
import { negotiateXapiVersion, XAPI_VERSION_HEADER, type XapiVersion } from '../../src/xapi/xapi-version';
import { normaliseActors } from './actors';

/**
 * The statements of one `POST` (one statement or an array) or `PUT ?statementId=` to the
 * instance's statements resource, checked as an LRS would before it says 200: the version
 * header, JSON, each statement valid xAPI with identified actors, no id twice. A batch is
 * taken whole or refused whole (xAPI 1.0.3 §2.1.3 Communication: all or nothing), with every
 * reason in `details`.
 *
 * Ids: a statement's own id is kept (lower-cased, as UUIDs compare). One without an id gets
 * one minted from its content, so the same statement sent again is the same event.
 */
export function statementsOf(request: InboundRequest, instanceId: string): { statements: Statement[]; version: XapiVersion } {
  const version = versionOf(request);
  const body = jsonBody(request);
  const items = request.method === 'PUT' ? [putStatement(request, body)] : postedStatements(body);
  const problems: string[] = [];
  const statements: Statement[] = [];
  items.forEach((item, i) => {
    const where = items.length > 1 ? `statement[${i}]` : 'statement';
    if (typeof item !== 'object' || item === null || Array.isArray(item)) {
      problems.push(`${where}: must be a JSON object`);
      return;
    }
    const issues: ValidationIssue[] = [];
    const { stored: _stored, authority: _authority, ...rest } = item as Record<string, unknown>; // the destination LRS sets both (xAPI 1.0.3 §2.4.8, §2.4.9)
    const normalised = normaliseActors(rest, issues);
    const seen = new Set(issues.map((issue) => issue.path));
    issues.push(...validateStatement(normalised, version).filter((issue) => !seen.has(issue.path)));
    for (const issue of issues) problems.push(`${where}${issue.path ? `.${issue.path}` : ''}: ${issue.reason}`);
    if (issues.length > 0) return;
    const id = typeof normalised.id === 'string' ? normalised.id.toLowerCase() : mintedStatementId(instanceId, normalised);
    statements.push({ ...(normalised as unknown as Statement), id });
  });
  const ids = statements.map((s) => s.id);
  ids.forEach((id, i) => {
    if (ids.indexOf(id) !== i) problems.push(`statement[${i}].id: ${id} appears twice in the batch`);
  });
  if (problems.length > 0) {
    throw new RequestRejectedError(400, `${problems.length === 1 ? 'a statement is' : 'statements are'} not valid xAPI; nothing was taken`, problems);
  }
  return { statements, version };
}

/** The id for a statement sent without one: UUID v5 of the instance and its content (keys sorted), so a resend dedupes. */
export function mintedStatementId(instanceId: string, statement: Record<string, unknown>): string {
  const digest = createHash('sha256').update(canonicalJson(statement), 'utf8').digest('hex');
  return statementIdFor(instanceId, `content:${digest}`, 'statement');
}

function versionOf(request: InboundRequest): XapiVersion {
  const header = request.headers[XAPI_VERSION_HEADER.toLowerCase()];
  const version = negotiateXapiVersion(header);
  if (version) return version;
  throw new RequestRejectedError(
    400,
    header ? `${XAPI_VERSION_HEADER} "${header}" is not a version this hub takes; send 1.0.3 (or 2.0.0)` : `send the ${XAPI_VERSION_HEADER} header (e.g. 1.0.3), as every xAPI request must`,
  );
}

function putStatement(request: InboundRequest, body: unknown): unknown {
  const statementId = request.query.statementId;
  if (!statementId) throw new RequestRejectedError(400, 'PUT needs the statementId query parameter (PUT /xapi/statements?statementId=<uuid>); use POST without one');
  if (!isUuid(statementId)) throw new RequestRejectedError(400, `statementId "${statementId}" is not a UUID`);
  if (typeof body !== 'object' || body === null || Array.isArray(body)) throw new RequestRejectedError(400, 'PUT takes one statement (a JSON object)');
  const own = (body as { id?: unknown }).id;
  if (own !== undefined && (typeof own !== 'string' || own.toLowerCase() !== statementId.toLowerCase())) {
    throw new RequestRejectedError(400, `the statement's id (${String(own)}) differs from statementId ${statementId}`);
  }
  return { ...body, id: statementId.toLowerCase() };
}

function postedStatements(body: unknown): unknown[] {
  if (!Array.isArray(body)) return [body];
  if (body.length === 0) throw new RequestRejectedError(400, 'the array holds no statements');
  return body;
}

function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (typeof value === 'object' && value !== null) {
    const entries = Object.entries(value).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}
