import type { Provider } from '@nestjs/common';
import { Destinations } from '../../runtime-settings';
import { DirectoryErasureSource } from './directory.erasure-source';
import { ERASURE_SOURCES, EXTERNAL_DESTINATIONS, type ExternalDestination } from './erasure.service';
import type { ErasureSource } from './erasure-source';
import { HeldErasureSource } from './held.erasure-source';
import { InboxErasureSource } from './inbox.erasure-source';
import { LrsDocumentsErasureSource } from './lrs-documents.erasure-source';
import { LrsStatementsErasureSource } from './lrs-statements.erasure-source';
import { OutboxErasureSource } from './outbox.erasure-source';
import { QuarantineErasureSource } from './quarantine.erasure-source';

/** Every place personal data lives, in the order they are planned: a class implementing ErasureSource and a line here. */
export const ERASURE_SOURCE_TYPES = [
  DirectoryErasureSource,
  InboxErasureSource,
  QuarantineErasureSource,
  HeldErasureSource,
  OutboxErasureSource,
  LrsStatementsErasureSource,
  LrsDocumentsErasureSource,
];

export const ERASURE_PROVIDERS: Provider[] = [
  ...ERASURE_SOURCE_TYPES,
  { provide: ERASURE_SOURCES, inject: ERASURE_SOURCE_TYPES, useFactory: (...sources: ErasureSource[]) => sources },
  {
    provide: EXTERNAL_DESTINATIONS,
    inject: [Destinations],
    useFactory: (destinations: Destinations): ExternalDestination[] =>
      destinations.all
        .filter((d) => d.type !== 'builtin')
        .map((d) => ({ id: d.id, ...(d.endpoint ? { endpoint: d.endpoint } : {}), pseudonymised: d.pseudonymise !== undefined })),
  },
];
