// Who holds the network's physical kit. Each borrow is its own loan record, closed by its
// return; counts are derived from the open loans, so two offline borrows of the last
// projector show as "over-borrowed" once synced instead of a negative stock.
import type { Loan, ToolboxItem } from '../toolbox';

interface KitAvailability {
  /** How many the network owns (1 when the item does not say). */
  owned: number;
  /** How many are out, by open loans. */
  out: number;
  /** How many can be borrowed now, never below zero. */
  available: number;
  /** More borrowed than owned: two people borrowed the same thing while offline. */
  overBorrowed: boolean;
  /** Open loans, oldest first. */
  holders: Loan[];
}

function openLoans(loans: readonly Loan[]): Loan[] {
  return loans
    .filter((loan) => !loan.deleted && !loan.returnedAt)
    .sort((a, b) => (a.borrowedAt < b.borrowedAt ? -1 : a.borrowedAt > b.borrowedAt ? 1 : a.id < b.id ? -1 : 1));
}

export function kitAvailability(item: Pick<ToolboxItem, 'quantity'>, loans: readonly Loan[]): KitAvailability {
  const owned = item.quantity ?? 1;
  const holders = openLoans(loans);
  const out = holders.reduce((sum, loan) => sum + loan.count, 0);
  return { owned, out, available: Math.max(0, owned - out), overBorrowed: out > owned, holders };
}

/** An open loan whose return day has passed; `today` is the device's day (yyyy-MM-dd). */
export function isOverdue(loan: Pick<Loan, 'dueOn' | 'returnedAt' | 'deleted'>, today: string): boolean {
  return !loan.deleted && !loan.returnedAt && loan.dueOn != null && loan.dueOn < today;
}

/**
 * Whether a loan is in this person's name, so its button reads "je le rends" rather than
 * "rendu par …": a name typed with another case or stray spaces is still theirs.
 */
export function isHeldBy(loan: Pick<Loan, 'holderName'>, name: string): boolean {
  const key = (text: string) => text.trim().toLocaleLowerCase('fr');
  return key(loan.holderName) === key(name);
}
