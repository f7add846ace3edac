/** No enabled instance of that id: the URL is wrong (404), and nothing is counted for it. */
export class UnknownInstanceError extends Error {
  constructor(readonly instanceId: string) {
    super(`no connector instance "${instanceId}" is configured (or it is disabled)`);
  }
}

/** The connector's `verify` refused the request (401), for the reason it gave. */
export class RequestNotVerifiedError extends Error {
  constructor(readonly reason: string) {
    super(`request not verified: ${reason}`);
  }
}

/** The instance's connector answers no such path under its hook (404). */
export class UnknownHookPathError extends Error {
  constructor(
    readonly instanceId: string,
    readonly path: string,
  ) {
    super(`instance "${instanceId}" takes nothing at /hooks/${instanceId}${path}; its hook is POST /hooks/${instanceId}`);
  }
}
