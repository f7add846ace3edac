/**
 * The source refused the connector's credentials or permissions (HTTP 401/403) during a
 * scheduled task: retrying cannot help until an admin acts, so the host stops the task and
 * shows the reason (GET /admin/api/instances) instead of retrying on every tick.
 */
export class SourceAuthError extends Error {
  constructor(
    message: string,
    readonly status: 401 | 403,
  ) {
    super(message);
  }
}

/** The source answered 401 or 403: a SourceAuthError for that status, else undefined. */
export function sourceAuthStatus(status: number): 401 | 403 | undefined {
  return status === 401 || status === 403 ? status : undefined;
}
