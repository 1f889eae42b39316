/** Errors the domain raises; the API layer maps each to a protocol status. */
export class DomainError extends Error {}

export class NotFoundError extends DomainError {}

/** Input that passed the schema but is wrong for the data, e.g. an unknown sector. */
export class InvalidInputError extends DomainError {
  constructor(
    readonly path: (string | number)[],
    message: string,
  ) {
    super(`${path.join(".")}: ${message}`);
  }
}

export class ConflictError extends DomainError {}
