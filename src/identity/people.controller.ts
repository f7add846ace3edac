import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query, UseGuards, UseInterceptors } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiConsumes, ApiOperation, ApiQuery, ApiResponse, ApiTags } from '@nestjs/swagger';
import { AdminTokenGuard } from '../admin/admin-token.guard';
import { HeldStatementsRepository } from './held-statements.repository';
import { IdentityErrorsInterceptor } from './identity-http-errors';
import { identityKey } from './identity-key';
import { IdentityResolver } from './identity-resolver.service';
import { InvalidPersonError, PersonNotFoundError } from './identity.errors';
import type { Identity, PersonRecord } from './identity.types';
import { parsePeopleCsv } from './people-csv';
import { PeopleRepository } from './people.repository';
import { checkIdentity, checkPersonInput, checkPersonPatch } from './person-input';
import { HeldStatementRelease } from '../normalize/held-release.service';
import { ReissueService } from './reissue.service';

const PERSON_EXAMPLE = {
  actor: { mbox: 'mailto:ana@acme.example', name: 'Ana Lima' },
  attributes: { team: 'Sales' },
  identities: [
    { mbox: 'mailto:ana.lima@old.example' },
    { account: { homePage: 'https://acme.slack.com', name: 'U07ANA' } },
    { source: 'bamboohr', id: '377' },
  ],
};

/**
 * `/admin/api/people`: the identity directory. Every write takes effect at once in this
 * process and within a second in every worker (the directory cache checks a version row).
 */
@ApiTags('people')
@ApiBearerAuth()
@Controller('admin/api/people')
@UseGuards(AdminTokenGuard)
@UseInterceptors(IdentityErrorsInterceptor)
export class PeopleController {
  constructor(
    private readonly people: PeopleRepository,
    private readonly resolver: IdentityResolver,
    private readonly reissueService: ReissueService,
    private readonly heldRelease: HeldStatementRelease,
  ) {}

  @Post()
  @HttpCode(201)
  @ApiOperation({ summary: 'Add a person: a canonical actor (mbox or account), attributes, and the identities each source knows them by' })
  @ApiBody({ schema: { type: 'object', example: PERSON_EXAMPLE } })
  @ApiResponse({ status: 201, description: 'the person, with its id' })
  @ApiResponse({ status: 400, description: 'a field is not valid; details name it' })
  @ApiResponse({ status: 409, description: 'an identity already belongs to another person' })
  async create(@Body() body: unknown): Promise<PersonRecord> {
    const checked = checkPersonInput(body);
    if (!checked.ok) throw new InvalidPersonError('the person is not valid', checked.problems);
    return this.changed(await this.people.create(checked.value));
  }

  @Get()
  @ApiOperation({ summary: 'Find the person an identity belongs to (?identity=<JSON>), or list people (?limit, ?after=<id>)' })
  @ApiQuery({ name: 'identity', required: false, example: '{"account":{"homePage":"https://acme.slack.com","name":"U07ANA"}}' })
  @ApiQuery({ name: 'limit', required: false })
  @ApiQuery({ name: 'after', required: false })
  async find(@Query('identity') identity?: string, @Query('limit') limit?: string, @Query('after') after?: string): Promise<PersonRecord | { people: PersonRecord[] }> {
    if (identity === undefined) return { people: await this.people.list(pageSize(limit), after) };
    const parsed = parseIdentityParam(identity);
    const person = await this.people.findByKey(identityKey(parsed));
    if (!person) throw new PersonNotFoundError(`with identity ${identityKey(parsed)}`);
    return person;
  }

  @Post('import')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Import people from CSV: email (required), name, team, department, location, role, manager, attr:<name>, aliases, account:<homePage>, source:<instance>',
  })
  @ApiConsumes('text/csv')
  @ApiBody({ schema: { type: 'string', example: 'email,name,team,account:https://acme.slack.com,source:bamboohr\nana@acme.example,Ana Lima,Sales,U07ANA,377\n' } })
  @ApiResponse({ status: 200, description: '{ created, updated, unchanged, errors: [{ line, error }] }' })
  async import(@Body() body: unknown) {
    const text = Buffer.isBuffer(body) ? body.toString('utf8') : typeof body === 'string' ? body : '';
    if (text.trim() === '') throw new InvalidPersonError('send the CSV as the body, with Content-Type: text/csv', ['the first line names the columns; see the README']);
    const { rows, errors } = parsePeopleCsv(text);
    const outcomes = await this.resolver.learn('admin-import', rows.map((r) => r.hint));
    await this.heldRelease.release(outcomes.flatMap((o) => (o.kind === 'created' || o.kind === 'updated' ? [o.personId] : [])));
    const summary = { created: 0, updated: 0, unchanged: 0, errors: [...errors] };
    outcomes.forEach((outcome, i) => {
      if (outcome.kind === 'conflict') summary.errors.push({ line: rows[i].line, error: `its identities belong to different people (${outcome.personIds.join(', ')}); merge them first` });
      else if (outcome.kind === 'skipped') summary.errors.push({ line: rows[i].line, error: outcome.reason });
      else summary[outcome.kind] += 1;
    });
    summary.errors.sort((a, b) => a.line - b.line);
    return summary;
  }

  @Get(':id')
  @ApiOperation({ summary: 'One person, with every identity' })
  @ApiResponse({ status: 404, description: 'no such person' })
  async get(@Param('id') id: string): Promise<PersonRecord> {
    const person = await this.people.get(id);
    if (!person) throw new PersonNotFoundError(id);
    return person;
  }

  @Patch(':id')
  @ApiOperation({ summary: 'Change a person: actor (the old one stays an identity), attributes (null removes one), identities (replaces the list)' })
  @ApiBody({ schema: { type: 'object', example: { attributes: { team: 'Marketing', manager: null } } } })
  async update(@Param('id') id: string, @Body() body: unknown): Promise<PersonRecord> {
    const checked = checkPersonPatch(body);
    if (!checked.ok) throw new InvalidPersonError('the change is not valid', checked.problems);
    return this.changed(await this.people.update(id, checked.value));
  }

  @Delete(':id')
  @HttpCode(204)
  @ApiOperation({ summary: 'Remove a person from the directory (their statements stay; use /admin/api/erasure to forget them)' })
  async remove(@Param('id') id: string): Promise<void> {
    if (!(await this.people.remove(id))) throw new PersonNotFoundError(id);
    this.resolver.directoryChanged();
  }

  @Post(':id/merge')
  @HttpCode(200)
  @ApiOperation({ summary: 'Merge another person into this one: identities move here, missing attributes are taken, the other goes' })
  @ApiBody({ schema: { type: 'object', example: { from: '<id of the person to merge in>' } } })
  async merge(@Param('id') id: string, @Body() body: unknown): Promise<PersonRecord> {
    const from = (body as { from?: unknown } | undefined)?.from;
    if (typeof from !== 'string' || from === '') throw new InvalidPersonError('say which person to merge in', ['from: the id of the other person']);
    if (from === id) throw new InvalidPersonError('a person cannot be merged into themselves', ['from: another person’s id']);
    return this.changed(await this.people.merge(id, from));
  }

  @Post(':id/reissue')
  @HttpCode(200)
  @ApiOperation({
    summary:
      'Void and re-send, in the built-in LRS, past statements that carry `from` (as actor, object, instructor or member) under this person; `sourceActor` limits it to statements that came from that source identity',
  })
  @ApiBody({ schema: { type: 'object', example: { from: { mbox: 'mailto:ana@acme.example' }, sourceActor: { account: { homePage: 'https://acme.slack.com', name: 'U07ANNA' } } } } })
  @ApiResponse({ status: 200, description: '{ voiding: Statement[], corrected: Statement[] }, as stored' })
  async reissue(@Param('id') id: string, @Body() body: unknown) {
    const input = (body ?? {}) as { from?: unknown; sourceActor?: unknown };
    const problems: string[] = [];
    const from = checkIdentity(stripActorFields(input.from), 'from', problems);
    const sourceActor = input.sourceActor === undefined ? undefined : checkIdentity(stripActorFields(input.sourceActor), 'sourceActor', problems);
    if (from && 'source' in from) problems.push('from: an xAPI identifier (mbox, mbox_sha1sum, openid or account) as it appears in the LRS');
    if (!from || 'source' in from || problems.length > 0) throw new InvalidPersonError('the re-issue request is not valid', problems);
    return this.reissueService.reissue(id, from, sourceActor);
  }

  /** Every worker sees the change within a second; statements held for this person go on now. */
  private async changed(person: PersonRecord): Promise<PersonRecord> {
    this.resolver.directoryChanged();
    await this.heldRelease.release([person.id]);
    return person;
  }
}

/** `/admin/api/unresolved-identities`: what statements are held for, so an admin can add those people. */
@ApiTags('people')
@ApiBearerAuth()
@Controller('admin/api/unresolved-identities')
@UseGuards(AdminTokenGuard)
export class UnresolvedIdentitiesController {
  constructor(private readonly held: HeldStatementsRepository) {}

  @Get()
  @ApiOperation({ summary: 'Identity keys with held statements (instances with identity.unknownActors: hold), oldest first' })
  async list(@Query('limit') limit?: string) {
    return { unresolved: await this.held.summary(pageSize(limit)) };
  }
}

function parseIdentityParam(text: string): Identity {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new InvalidPersonError('identity must be JSON', ['identity: e.g. {"mbox":"mailto:ana@acme.example"} or {"source":"bamboohr","id":"377"}']);
  }
  const problems: string[] = [];
  const identity = checkIdentity(stripActorFields(value), 'identity', problems);
  if (!identity) throw new InvalidPersonError('identity is not valid', problems);
  return identity;
}

/** An actor's objectType and name are not part of its identifier. */
function stripActorFields(value: unknown): unknown {
  if (typeof value !== 'object' || value === null) return value;
  const { objectType: _t, name: _n, ...rest } = value as Record<string, unknown>;
  return rest;
}

function pageSize(limit: string | undefined): number {
  const n = Number(limit ?? 100);
  return Number.isInteger(n) && n > 0 ? Math.min(n, 500) : 100;
}
