/**
 * Live updates for open portals (Server-Sent Events). Use cases publish after their transaction
 * commits; subscribers are the SSE connections of one customer. In-process: with several server
 * instances, each instance also polls recent stage changes (see http/portal/events-route.ts).
 */
import { EventEmitter } from 'node:events';

export interface JobStageEvent {
  type: 'job.stage';
  customerId: string;
  jobId: string;
  stage: string;
  at: string;
  note: string | null;
}

export type PortalEvent = JobStageEvent;

export class PortalEvents {
  readonly #emitter = new EventEmitter();

  constructor() {
    // One listener per open portal tab; thousands are normal, not a leak.
    this.#emitter.setMaxListeners(0);
  }

  publish(event: PortalEvent): void {
    this.#emitter.emit(event.customerId, event);
  }

  subscribe(customerId: string, listener: (event: PortalEvent) => void): () => void {
    this.#emitter.on(customerId, listener);
    return () => this.#emitter.off(customerId, listener);
  }
}
