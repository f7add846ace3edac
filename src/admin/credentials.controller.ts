import { Body, Controller, Delete, Get, HttpCode, Param, Post, UseGuards } from '@nestjs/common';
import { badRequest, notFound } from '../http/http-errors';
import type { StoredCredential } from '../lrs/auth/credential-store';
import { LrsCredentials } from '../lrs/auth/lrs-credentials';
import { scopeListProblems, type XapiScopeName } from '../lrs/auth/xapi-scopes';
import { AdminTokenGuard } from './admin-token.guard';

/** What the admin API shows of a credential: never its secret. */
function describe(credential: StoredCredential) {
  return {
    key: credential.key,
    name: credential.name,
    scopes: credential.scopes,
    authority: credential.authority,
    createdAt: credential.createdAt,
    revokedAt: credential.revokedAt,
  };
}

/**
 * `/admin/api/credentials`: Basic-auth credentials of the built-in LRS. The secret is shown
 * once, in the answer to the POST that creates it; the database keeps only a scrypt hash.
 */
@Controller('admin/api/credentials')
@UseGuards(AdminTokenGuard)
export class CredentialsController {
  constructor(private readonly credentials: LrsCredentials) {}

  @Get()
  async list() {
    return (await this.credentials.list()).map(describe);
  }

  /** Body: `{ "name": "…", "scopes": ["statements/write", …] }` (xAPI 1.0.3 Communication §4.2 scopes); both required. */
  @Post()
  @HttpCode(201)
  async create(@Body() body: unknown) {
    const input = (body ?? {}) as { name?: unknown; scopes?: unknown };
    const problems = scopeListProblems(input.scopes);
    if (input.name === undefined) problems.push('name: is required, e.g. "Reporting" (it becomes the name of the credential\'s authority)');
    else if (typeof input.name !== 'string' || input.name.trim() === '' || input.name.length > 200) {
      problems.push('name: must be a non-empty string of at most 200 characters');
    }
    if (problems.length > 0) throw badRequest('the credential is not valid', problems);
    const scopes = input.scopes as XapiScopeName[];
    const name = (input.name as string).trim();
    const { credential, secret } = await this.credentials.create({ name, scopes });
    return { ...describe(credential), secret };
  }

  @Delete(':key')
  @HttpCode(204)
  async revoke(@Param('key') key: string): Promise<void> {
    if (!(await this.credentials.revoke(key))) throw notFound(`no active credential ${key}`);
  }
}
