import { Controller, HttpCode, Param, Post, Req, UseGuards } from '@nestjs/common';
import {
  ApiAcceptedResponse,
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiBody,
  ApiConsumes,
  ApiNotFoundResponse,
  ApiOperation,
  ApiParam,
  ApiProperty,
  ApiPropertyOptional,
  ApiServiceUnavailableResponse,
  ApiTags,
  ApiUnauthorizedResponse,
  ApiUnprocessableEntityResponse,
  ApiUnsupportedMediaTypeResponse,
} from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import { AdminTokenGuard } from '../admin/admin-token.guard';
import { ConnectorInstances } from '../runtime-settings';
import { inboundRequestOf } from './fastify-inbound-request';
import { hookAnswerBody, type HookAnswerBody } from './hook-answer';
import { UnknownInstanceError } from './intake.errors';
import { IntakeService } from './intake.service';

class UploadedEventDto {
  @ApiProperty({ description: "The event's key (for CSV attendance: who + session + date)" })
  eventKey!: string;

  @ApiProperty({ description: 'The inbox id (GET /admin/api/events/:eventId)' })
  eventId!: string;

  @ApiProperty({ description: 'Already taken in before (a re-upload): nothing new is made' })
  duplicate!: boolean;
}

class RejectedRowDto {
  @ApiProperty({ description: 'Where it was', example: 'line 7' })
  at!: string;

  @ApiProperty({ example: 'no e-mail in column "Email"' })
  reason!: string;
}

class UploadAnswerDto {
  @ApiProperty({ type: [UploadedEventDto] })
  events!: UploadedEventDto[];

  @ApiProperty({ type: [RejectedRowDto], description: 'Rows that were not taken, with their line numbers; the rest went through' })
  rejected!: RejectedRowDto[];

  @ApiPropertyOptional({ description: 'When the file made exactly one event' })
  eventId?: string;

  @ApiPropertyOptional()
  duplicate?: boolean;
}

/**
 * `POST /admin/api/instances/:id/upload`: an admin uploads a file (a CSV attendance list) for an
 * instance. The admin token stands in for the instance's own check (its upload token); the
 * file then takes the hook's path — split, inbox, dedupe — so uploading it at the hook or here,
 * once or twice, makes the same events once.
 */
@ApiTags('admin')
@ApiBearerAuth()
@Controller('admin/api/instances')
@UseGuards(AdminTokenGuard)
export class AdminUploadController {
  constructor(
    private readonly instances: ConnectorInstances,
    private readonly intake: IntakeService,
  ) {}

  @Post(':id/upload')
  @HttpCode(202)
  @ApiOperation({
    summary: 'Upload a file for an instance (a CSV attendance list)',
    description:
      "Takes the body as the instance's hook would, without the instance's own verification (the admin token replaces it): " +
      'one event per row, a bad row reported with its line number while the rest go through, a re-upload making nothing new.',
  })
  @ApiParam({ name: 'id', description: 'A configured instance id (hub.yaml `instances[].id`)', example: 'attendance' })
  @ApiConsumes('text/csv')
  @ApiBody({ description: "The file, with the Content-Type the instance's connector takes", schema: { type: 'string', example: 'email,session_id,session_title,date\nana@acme.example,S-1,Onboarding,2026-11-20\n' } })
  @ApiAcceptedResponse({ type: UploadAnswerDto, description: 'Every event is in the inbox (durable); rows not taken are listed' })
  @ApiBadRequestResponse({ description: '`{ error, details }`: the file cannot be read (empty, not CSV)' })
  @ApiUnauthorizedResponse({ description: 'Missing or wrong `Authorization: Bearer <HUB_ADMIN_TOKEN>`' })
  @ApiNotFoundResponse({ description: 'No enabled instance of that id' })
  @ApiUnsupportedMediaTypeResponse({ description: 'The connector does not take that Content-Type' })
  @ApiUnprocessableEntityResponse({ description: "The file lacks a column the instance's mapping needs" })
  @ApiServiceUnavailableResponse({ description: "The hub's database or queue is down: nothing was taken, retry" })
  async upload(@Param('id') instanceId: string, @Req() req: FastifyRequest): Promise<HookAnswerBody> {
    const instance = this.instances.get(instanceId);
    if (!instance?.enabled) throw new UnknownInstanceError(instanceId);
    const { events, rejected } = await this.intake.acceptUpload(instance, inboundRequestOf(req));
    return hookAnswerBody(events, rejected);
  }
}
