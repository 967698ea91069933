/**
 * A status transition table plus its guard, written once for quotes, invoices and
 * payments so every "can X move to Y" question is answered the same way.
 */
import { conflict } from './errors.ts';

export type TransitionTable<S extends string> = Readonly<Record<S, readonly S[]>>;

export interface StateMachine<S extends string> {
  readonly statuses: readonly S[];
  isStatus(value: string): value is S;
  isTerminal(status: S): boolean;
  canTransition(from: S, to: S): boolean;
  /** Throws CONFLICT: the record is not in a state that allows the change. */
  assertTransition(from: S, to: S): void;
}

export function defineStateMachine<S extends string>(subject: string, table: TransitionTable<S>): StateMachine<S> {
  const statuses = Object.keys(table) as S[];
  const isStatus = (value: string): value is S => Object.hasOwn(table, value);
  const canTransition = (from: S, to: S): boolean => isStatus(from) && table[from].includes(to);
  return {
    statuses,
    isStatus,
    isTerminal: (status) => table[status].length === 0,
    canTransition,
    assertTransition(from, to) {
      if (canTransition(from, to)) return;
      const why = isStatus(from) && table[from].length === 0 ? `${subject} is ${from} and can no longer change` : `${subject} cannot go from ${from} to ${to}`;
      throw conflict(why, { from, to });
    },
  };
}
