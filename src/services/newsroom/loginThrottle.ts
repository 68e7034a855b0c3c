// When a login attempt must wait. Failed logins are counted in the database (so every process sees
// them) under three keys, each e-mail address trimmed and lower-cased:
//
//   pair:{where}|{email}  one account from one address (or from one known device)
//   ip:{address}          one address, whatever account it tries (spraying)
//   email:{email}         one account, from every address (a distributed guess)
//
// The rules, chosen so that a lockout is not a weapon:
// - pair: 3 failures are free; then each further attempt waits 30 s after the last failure,
//   doubling with each failure up to 15 minutes (counted over the last hour). During the wait the
//   right password is refused too (429) — but only from that address: the owner elsewhere is not
//   affected;
// - address: 20 failures in 15 minutes (any accounts) and the address waits until the oldest of
//   them is 15 minutes old;
// - account: 10 failures in 15 minutes from any addresses put the account under pressure: it is
//   slowed, not blocked — every address gets 1 free failure instead of 3 before its waits begin.
//   An address without a failure for the account (a clean one) still gets its attempt, so the
//   owner gets in;
// - a known device (a signed cookie from an earlier successful login to this account) is its own
//   "address": it skips the address ceiling and the account pressure and has its own pair count.
// A successful login clears its own pair; the others age out.
import type { LoginFailureStats } from '../../store/users.ts';

export const FAILURE_WINDOW_MS = 15 * 60_000;
export const PAIR_WINDOW_MS = 60 * 60_000;
export const PAIR_FREE_FAILURES = 3;
export const PAIR_FREE_FAILURES_UNDER_PRESSURE = 1;
export const PAIR_FIRST_WAIT_MS = 30_000;
export const PAIR_MAX_WAIT_MS = 15 * 60_000;
export const MAX_FAILURES_PER_ADDRESS = 20;
export const ACCOUNT_PRESSURE_FAILURES = 10;

export interface LoginKeys {
  readonly pair: string;
  readonly address: string;
  readonly account: string;
}

export function loginKeys(email: string, ip: string, device: string | null): LoginKeys {
  return { pair: `pair:${device === null ? ip : `device:${device}`}|${email}`, address: `ip:${ip}`, account: `email:${email}` };
}

export interface Throttle {
  readonly scope: 'pair' | 'address';
  /** Until when (ms since the epoch) the attempt must wait. */
  readonly until: number;
}

export type StatsOf = (key: string) => LoginFailureStats;

/** The wait after `failures` failures of one pair, or 0 while they are free. */
export function pairWait(failures: number, free: number): number {
  if (failures < free) return 0;
  return Math.min(PAIR_FIRST_WAIT_MS * 2 ** Math.min(failures - free, 20), PAIR_MAX_WAIT_MS);
}

export function underPressure(stats: StatsOf, keys: LoginKeys, knownDevice: boolean): boolean {
  return !knownDevice && stats(keys.account).recent >= ACCOUNT_PRESSURE_FAILURES;
}

/** Why and until when an attempt must wait, or null when it may go ahead. */
export function throttleOf(stats: StatsOf, keys: LoginKeys, knownDevice: boolean, now: number): Throttle | null {
  const address = stats(keys.address);
  if (!knownDevice && address.recent >= MAX_FAILURES_PER_ADDRESS && address.firstRecent !== null) {
    const until = Date.parse(address.firstRecent) + FAILURE_WINDOW_MS;
    if (until > now) return { scope: 'address', until };
  }
  const pair = stats(keys.pair);
  if (pair.last !== null) {
    const free = underPressure(stats, keys, knownDevice) ? PAIR_FREE_FAILURES_UNDER_PRESSURE : PAIR_FREE_FAILURES;
    const until = Date.parse(pair.last) + pairWait(pair.total, free);
    if (until > now) return { scope: 'pair', until };
  }
  return null;
}
