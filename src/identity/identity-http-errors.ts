import { type CallHandler, type ExecutionContext, Injectable, type NestInterceptor } from '@nestjs/common';
import { catchError, type Observable, throwError } from 'rxjs';
import { HttpProblem } from '../http/http-errors';
import { IdentityTakenError, InvalidPersonError, PersonNotFoundError } from './identity.errors';

/** The one place the directory's typed errors become HTTP answers (the ProblemFilter renders them). */
export function identityProblem(error: unknown): unknown {
  if (error instanceof PersonNotFoundError) return new HttpProblem(404, error.message);
  if (error instanceof InvalidPersonError) return new HttpProblem(400, error.message, error.problems);
  if (error instanceof IdentityTakenError) {
    return new HttpProblem(409, error.message, error.taken.map((t) => `${t.identityKey} belongs to person ${t.personId}`));
  }
  return error;
}

@Injectable()
export class IdentityErrorsInterceptor implements NestInterceptor {
  intercept(_context: ExecutionContext, next: CallHandler): Observable<unknown> {
    return next.handle().pipe(catchError((error: unknown) => throwError(() => identityProblem(error))));
  }
}
