import { Module } from '@nestjs/common';
import { AttachmentStore } from './attachments/attachment-store';
import { StatementStore } from './statements/statement-store';
import { StatementsService } from './statements/statements.service';

/** The built-in LRS's services, used by its HTTP API and by in-process delivery. */
@Module({
  providers: [StatementStore, AttachmentStore, StatementsService],
  exports: [StatementsService],
})
export class LrsModule {}
