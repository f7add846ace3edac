import { Body, Controller, HttpCode, Post, UseGuards } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiBody,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiUnauthorizedResponse,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import { AdminTokenGuard } from '../admin-token.guard';
import { PreviewAnswerDto } from './preview-answer.dto';
import { parsePreviewRequest, PreviewRequestDto } from './preview-request';
import { PreviewService } from './preview.service';

/** `POST /admin/api/preview`: what a connector makes of a sample, before it goes live. */
@ApiTags('admin')
@ApiBearerAuth()
@Controller('admin/api')
@UseGuards(AdminTokenGuard)
export class PreviewController {
  constructor(private readonly previews: PreviewService) {}

  @Post('preview')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Preview what a connector makes of a request',
    description:
      'Runs the request through the connector as live traffic would (handshake, verify if asked, split, map, statement ids, validation) ' +
      'with nothing stored, queued or called. Give `connector` + `config`, or `instance` for a configured instance. Outbound calls are ' +
      'answered from `http` or refused.',
  })
  @ApiBody({ type: PreviewRequestDto })
  @ApiOkResponse({ type: PreviewAnswerDto, description: 'One entry per event the request split into' })
  @ApiBadRequestResponse({ description: '`{ error, details }`: each detail names a field of the preview request or of `config`' })
  @ApiUnauthorizedResponse({ description: 'Missing or wrong `Authorization: Bearer <HUB_ADMIN_TOKEN>`' })
  @ApiUnprocessableEntityResponse({ description: 'The connector failed on this request (an unrecorded outbound call, an expression error)' })
  async preview(@Body() body: unknown): Promise<PreviewAnswerDto> {
    const result = await this.previews.preview(parsePreviewRequest(body));
    return result as PreviewAnswerDto;
  }
}
