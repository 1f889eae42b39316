/** Errors the domain raises; the API layer maps each to a protocol status. */
export class DomainError extends Error {}

export class NotFoundError extends DomainError {}

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

export class ConflictError extends DomainError {}
