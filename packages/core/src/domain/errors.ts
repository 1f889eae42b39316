/** Errors the domain raises; the API layer maps each to a protocol status. */
export class DomainError extends Error {}

export class NotFoundError extends DomainError {}

/** The caller is known but may not do this particular thing. */
export class ForbiddenError extends DomainError {}

/** Input that passed the schema but is wrong for the data, e.g. an unknown sector. */
export class InvalidInputError extends DomainError {
  constructor(
    readonly path: (string | number)[],
    /** What is wrong, without the field name. */
    readonly reason: string,
  ) {
    super(`${path.join(".")}: ${reason}`);
  }
}

/** Someone else changed the data first, or the change would break an invariant; `details` tells the client what it needs to recover. */
export class ConflictError extends DomainError {
  constructor(
    message: string,
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
  }
}

/** Too many attempts at a guarded secret (a password); refused without checking it. */
export class TooManyAttemptsError extends DomainError {
  constructor(readonly retryAfterSeconds: number) {
    super(`Too many attempts; try again in ${retryAfterSeconds} seconds.`);
  }
}
