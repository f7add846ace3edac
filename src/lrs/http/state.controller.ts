import { Controller, Delete, Get, HttpCode, Post, Put, Req, Res, UseGuards } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { documentHeaders, documentRequest, documentWrite, sendRead } from '../documents/document-http';
import { DocumentsService } from '../documents/documents.service';
import { XapiScope } from '../auth/xapi-scope.decorator';
import { XapiGuard } from './xapi.guard';

const KIND = 'state';

/** The State resource: /xapi/activities/state (xAPI 1.0.3 Communication §2.3; IEEE 9274.1.1 §4.1.6.2). */
@Controller('xapi/activities/state')
@UseGuards(XapiGuard)
@XapiScope('state')
export class StateController {
  constructor(private readonly documents: DocumentsService) {}

  @Get()
  async get(@Req() req: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    sendRead(reply, await this.documents.read(documentRequest(KIND, req)));
  }

  @Put()
  @HttpCode(204)
  async put(@Req() req: FastifyRequest, @Res({ passthrough: true }) reply: FastifyReply): Promise<void> {
    documentHeaders(reply, await this.documents.put(documentWrite(KIND, req)));
  }

  @Post()
  @HttpCode(204)
  async post(@Req() req: FastifyRequest, @Res({ passthrough: true }) reply: FastifyReply): Promise<void> {
    documentHeaders(reply, await this.documents.post(documentWrite(KIND, req)));
  }

  @Delete()
  @HttpCode(204)
  async delete(@Req() req: FastifyRequest): Promise<void> {
    await this.documents.delete(documentWrite(KIND, req));
  }
}
