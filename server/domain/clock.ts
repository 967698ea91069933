/**
 * What time it is, as a port: use cases and the outbox take one instead of calling `new Date()`,
 * so tests move time by hand. A bare interface, so the layers below the use cases can name it.
 */
export interface Clock {
  now(): Date;
}
