import { Controller, Get, Query, UseGuards } from '@nestjs/common';
import { invalidRequest } from '../lrs-errors';
import { validateActivityId } from '../../xapi/validation';
import { ActivityStore, type KnownActivity } from '../documents/activity-store';
import { XapiScope } from '../auth/xapi-scope.decorator';
import { XapiGuard } from './xapi.guard';

/**
 * The Activities resource: GET /xapi/activities?activityId= (xAPI 1.0.3 Communication §2.5;
 * IEEE 9274.1.1 §4.1.6.4). An Activity the LRS has never seen is still answered, with its id
 * alone (2.0: "shall still return an Activity Object").
 */
@Controller('xapi/activities')
@UseGuards(XapiGuard)
@XapiScope('define', 'profile')
export class ActivitiesController {
  constructor(private readonly activities: ActivityStore) {}

  @Get()
  async get(@Query() params: Record<string, unknown>): Promise<KnownActivity> {
    const unknown = Object.keys(params).filter((name) => name !== 'activityId' && name !== 'method');
    if (unknown.length > 0) throw invalidRequest(`unknown parameter "${unknown[0]}"`, ['this resource takes: activityId (names are case-sensitive)']);
    const activityId = params.activityId;
    if (activityId === undefined) throw invalidRequest('missing the activityId parameter');
    if (typeof activityId !== 'string') throw invalidRequest('activityId must be given once');
    const issues = validateActivityId(activityId, 'activityId');
    if (issues.length > 0) throw invalidRequest('activityId must be an IRI', issues.map((i) => `${i.path}: ${i.reason}`));
    return this.activities.find(activityId);
  }
}
