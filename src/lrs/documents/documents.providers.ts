import type { Provider, Type } from '@nestjs/common';
import { AboutController } from '../http/about.controller';
import { ActivitiesController } from '../http/activities.controller';
import { AgentsController } from '../http/agents.controller';
import { ActivityProfileController, AgentProfileController, StateController } from '../http/document.controllers';
import { ActivityStore } from './activity-store';
import { DocumentStore } from './document-store';
import { DocumentsService } from './documents.service';
import { PersonStore } from './person-store';

/**
 * The xAPI resources other than Statements (xAPI 1.0.3 Communication §2.3–2.8), declared in
 * LrsHttpModule beside the Statement resource so they share its XapiGuard.
 */
export const DOCUMENT_CONTROLLERS: Type[] = [
  StateController,
  ActivityProfileController,
  AgentProfileController,
  ActivitiesController,
  AgentsController,
  AboutController,
];

export const DOCUMENT_PROVIDERS: Provider[] = [DocumentStore, DocumentsService, ActivityStore, PersonStore];
