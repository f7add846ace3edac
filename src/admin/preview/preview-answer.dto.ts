import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

/** Documentation of the preview answer (the value is the SDK's DryRunResult). */
export class InvalidStatementDto {
  @ApiProperty({ description: 'The statement as mapped, with its id', type: 'object', additionalProperties: true })
  statement!: object;

  @ApiProperty({ description: 'Why the validator refused it: `{ path, reason }` each', type: 'array', items: { type: 'object' } })
  reasons!: object[];
}

export class PreviewEventDto {
  @ApiProperty({ description: "The event's key (its dedupe key)" })
  eventKey!: string;

  @ApiProperty({ description: 'Valid statements, with the ids live traffic would give them', type: 'array', items: { type: 'object' } })
  statements!: object[];

  @ApiPropertyOptional({ description: 'Nothing to send, and why' })
  ignored?: string;

  @ApiPropertyOptional({ description: 'When the hub would map the event again (ISO 8601)' })
  later?: string;

  @ApiProperty({ type: [InvalidStatementDto] })
  invalid!: InvalidStatementDto[];

  @ApiPropertyOptional({ description: 'Identity hints the connector gave', type: 'array', items: { type: 'object' } })
  people?: object[];

  @ApiPropertyOptional({ description: 'The mapping failed on this event: what it said' })
  error?: string;
}

export class PreviewAnswerDto {
  @ApiProperty({ type: [PreviewEventDto] })
  events!: PreviewEventDto[];

  @ApiProperty({ description: 'Parts of the request the connector could not take: `{ at, reason }` each', type: 'array', items: { type: 'object' } })
  rejected!: object[];

  @ApiPropertyOptional({ description: 'The handshake answer, when the request was one (nothing else ran)', type: 'object', additionalProperties: true })
  handshake?: object;

  @ApiPropertyOptional({ description: 'The verdict of verify, when `verify` was true', type: 'object', additionalProperties: true })
  verified?: object;

  @ApiPropertyOptional({ description: 'The request as a whole was refused: the status and reason intake would answer', type: 'object', additionalProperties: true })
  refused?: object;

  @ApiPropertyOptional({ description: "The connector's shaped 2xx answer", type: 'object', additionalProperties: true })
  reply?: object;

  @ApiPropertyOptional({ description: 'For a `task` run: the instance state after it (the cursor it moved)', type: 'object', additionalProperties: true })
  state?: object;

  @ApiPropertyOptional({ description: 'For a `task` run: what the run threw (the host would retry it, or stop it on 401/403)' })
  error?: string;
}
