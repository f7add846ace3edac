/**
 * An error that answers an HTTP request: a status, a reason a person can act on, and
 * optional details. The exception filter renders it as `{ "error": ..., "details": [...] }`.
 */
export class HttpProblem extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly details: string[] = [],
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
  }
}

export const badRequest = (message: string, details?: string[]) => new HttpProblem(400, message, details);
export const notFound = (message: string) => new HttpProblem(404, message);
export const conflict = (message: string, details?: string[]) => new HttpProblem(409, message, details);
