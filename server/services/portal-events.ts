/**
 * Live updates for open portals (Server-Sent Events). Use cases publish after their transaction
 * commits; subscribers are the SSE connections of one customer. Changes committed by another
 * process on the same database (`npm run worker` handling a LINE command) reach this process
 * through the stage-change feed (services/stage-change-feed.ts); each change is delivered once,
 * whichever path sees it first.
 */
import { EventEmitter } from 'node:events';

export interface JobStageEvent {
  type: 'job.stage';
  /** JobStageChange id: the same change seen twice is delivered once. */
  changeId: string;
  customerId: string;
  jobId: string;
  stage: string;
  at: string;
  note: string | null;
}

/**
 * Links of a customer were revoked (here or by another process). Not sent to clients: each open
 * stream of that customer re-checks its own link and closes if it no longer opens.
 */
export interface LinksRevokedEvent {
  type: 'links.revoked';
  /** 'revoked:<link id>' for one link (a link is revoked once), so the in-process signal and the feed agree. */
  changeId: string;
  customerId: string;
}

/**
 * A customer's money changed (a payment notice sent, confirmed or rejected, a payment voided): open portals of that
 * customer refetch their own view, which is scoped, so the event itself carries no data.
 */
export interface PaymentsChangedEvent {
  type: 'payments.changed';
  /** 'notice:<id>:<status>' or 'payment:<id>:void': each step is announced once. */
  changeId: string;
  customerId: string;
}

export type PortalEvent = JobStageEvent | LinksRevokedEvent | PaymentsChangedEvent;

export function paymentsChangedEvent(customerId: string, noticeId: string, status: string): PaymentsChangedEvent {
  return { type: 'payments.changed', changeId: `notice:${noticeId}:${status}`, customerId };
}

/** A payment is voided once, so its id names the change. */
export function paymentVoidedEvent(customerId: string, paymentId: string): PaymentsChangedEvent {
  return { type: 'payments.changed', changeId: `payment:${paymentId}:void`, customerId };
}

/** `revocation` names this revocation: the link id, or a fresh id for "revoke all of a customer's links". */
export function linksRevokedEvent(customerId: string, revocation: string): LinksRevokedEvent {
  return { type: 'links.revoked', changeId: `revoked:${revocation}`, customerId };
}

const REMEMBERED = 2000;

export class PortalEvents {
  readonly #emitter = new EventEmitter();
  readonly #delivered = new Set<string>();

  constructor() {
    // One listener per open portal tab; thousands are normal, not a leak.
    this.#emitter.setMaxListeners(0);
  }

  publish(event: PortalEvent): void {
    if (this.#delivered.has(event.changeId)) return;
    this.#delivered.add(event.changeId);
    if (this.#delivered.size > REMEMBERED) this.#delivered.delete(this.#delivered.values().next().value!);
    this.#emitter.emit(event.customerId, event);
  }

  subscribe(customerId: string, listener: (event: PortalEvent) => void): () => void {
    this.#emitter.on(customerId, listener);
    return () => this.#emitter.off(customerId, listener);
  }
}

/**
 * Holds what a unit of work publishes until the caller's outer transaction commits (an
 * idempotent money request, services/idempotent-request.ts): an open portal must never refetch
 * before the change is visible, nor hear of a change that then rolled back.
 */
export class HeldPortalEvents extends PortalEvents {
  readonly #held: PortalEvent[] = [];

  override publish(event: PortalEvent): void {
    this.#held.push(event);
  }

  /** After the commit: hands every held event to the real channel, once. */
  release(to: PortalEvents): void {
    for (const event of this.#held.splice(0)) to.publish(event);
  }
}
