import { MappingError } from '../connector';

/**
 * The calendar's token endpoint or API refused the instance's credentials or permissions.
 * A MappingError, so an event that meets it fails at once (retrying cannot help), carrying
 * `status` 401/403, so the host stops a scheduled task that meets it (a subscription or
 * channel renewal) instead of retrying it every tick, and GET /admin/api/instances says why.
 * A token endpoint's 400 (`invalid_grant`, an unknown tenant) is a refusal too: status 401.
 */
export class CalendarAuthError extends MappingError {
  constructor(
    message: string,
    readonly status: 401 | 403,
  ) {
    super(message);
  }
}
