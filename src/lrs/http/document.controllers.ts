import { Controller, Delete, Get, HttpCode, Post, Put, Req, Res, type Type, UseGuards } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { XapiScope } from '../auth/xapi-scope.decorator';
import type { XapiScopeName } from '../auth/xapi-scopes';
import type { DocumentKind } from '../documents/document-address';
import { documentHeaders, documentRequest, documentWrite, sendRead } from '../documents/document-http';
import { DocumentsService } from '../documents/documents.service';
import { XapiGuard } from './xapi.guard';

/**
 * The three document resources differ only in their path, their key and their scope; the
 * rules (preconditions, merge, multiple GET, DELETE) live in DocumentsService. One class
 * per resource is made here so each gets its own route and scope metadata.
 */
function documentController(kind: DocumentKind, path: string, scope: XapiScopeName): Type {
  @Controller(path)
  @UseGuards(XapiGuard)
  @XapiScope(scope)
  class DocumentController {
    constructor(readonly documents: DocumentsService) {}

    @Get()
    async get(@Req() req: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
      sendRead(reply, await this.documents.read(documentRequest(kind, req)));
    }

    @Put()
    @HttpCode(204)
    async put(@Req() req: FastifyRequest, @Res({ passthrough: true }) reply: FastifyReply): Promise<void> {
      documentHeaders(reply, await this.documents.put(documentWrite(kind, req)));
    }

    @Post()
    @HttpCode(204)
    async post(@Req() req: FastifyRequest, @Res({ passthrough: true }) reply: FastifyReply): Promise<void> {
      documentHeaders(reply, await this.documents.post(documentWrite(kind, req)));
    }

    @Delete()
    @HttpCode(204)
    async delete(@Req() req: FastifyRequest): Promise<void> {
      await this.documents.delete(documentWrite(kind, req));
    }
  }
  return DocumentController;
}

/** State: /xapi/activities/state (xAPI 1.0.3 Communication §2.3; IEEE 9274.1.1 §4.1.6.2). */
export const StateController = documentController('state', 'xapi/activities/state', 'state');

/** Activity Profile: /xapi/activities/profile (xAPI 1.0.3 Communication §2.7; IEEE 9274.1.1 §4.1.6.6). */
export const ActivityProfileController = documentController('activity_profile', 'xapi/activities/profile', 'profile');

/** Agent Profile: /xapi/agents/profile (xAPI 1.0.3 Communication §2.6; IEEE 9274.1.1 §4.1.6.5). */
export const AgentProfileController = documentController('agent_profile', 'xapi/agents/profile', 'profile');
