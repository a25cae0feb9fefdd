import type { Me } from './me';

/**
 * Whose console this is. A biller's own people (a seller's staff: the BILLER role, bound to one biller) get the
 * biller's pages and nothing else; everyone else gets the post office's console. The server decides every request
 * all the same (a biller holds no office permission, so anything else would answer FORBIDDEN or nothing): this only
 * keeps the screen from offering what would be refused.
 */
export type Audience = 'staff' | 'biller';

/** A person bound to a biller is the biller's, whatever else the console hears (the server allows them nothing else). */
export function audienceOf(me: Pick<Me, 'billerCode'>): Audience {
  return me.billerCode ? 'biller' : 'staff';
}

/** Where a biller's person lands after sign-in, and where any other address takes them. */
export const BILLER_HOME = '/biller';

/** The addresses a biller's person may open: their own pages and their password. */
export function billerMayOpen(pathname: string): boolean {
  return pathname === BILLER_HOME || pathname.startsWith(`${BILLER_HOME}/`) || pathname === '/account/password';
}
