// The review workflow: which action moves an article from which states to which, and the
// permission each needs. The state lives in `articles.status`; every move is a timeline row.
// A returned article is back in its writer's hands (docs/newsroom-permissions.md): it goes out
// only after it is submitted again, so neither publish nor schedule starts from "returned".
import type { ArticleStatus } from '../../db/tables.ts';
import type { Action } from './permissions.ts';

export interface Transition {
  readonly from: readonly ArticleStatus[];
  readonly to: ArticleStatus;
  readonly permission: Action;
}

export const TRANSITIONS = {
  submit: { from: ['draft', 'returned'], to: 'submitted', permission: 'article.submit' },
  return: { from: ['submitted', 'approved'], to: 'returned', permission: 'article.return' },
  approve: { from: ['submitted'], to: 'approved', permission: 'article.approve' },
  schedule: { from: ['draft', 'submitted', 'approved'], to: 'scheduled', permission: 'article.schedule' },
  unschedule: { from: ['scheduled'], to: 'approved', permission: 'article.schedule' },
  publish: { from: ['draft', 'submitted', 'approved', 'scheduled', 'unpublished'], to: 'published', permission: 'article.publish' },
  unpublish: { from: ['published'], to: 'unpublished', permission: 'article.unpublish' },
} as const satisfies Record<string, Transition>;

export type TransitionName = keyof typeof TRANSITIONS;

export function isTransitionName(name: string): name is TransitionName {
  return Object.hasOwn(TRANSITIONS, name);
}

export function canMove(name: TransitionName, from: ArticleStatus): boolean {
  return (TRANSITIONS[name].from as readonly ArticleStatus[]).includes(from);
}

const STATES: readonly ArticleStatus[] = ['draft', 'submitted', 'returned', 'approved', 'scheduled', 'published', 'unpublished'];

/** The state × action table of docs/newsroom-permissions.md (checked against the doc by a test). */
export function transitionsMarkdown(): string {
  const names = Object.keys(TRANSITIONS) as TransitionName[];
  const rows = STATES.map(
    (state) => `| ${state} | ${names.map((n) => (canMove(n, state) ? `→ ${TRANSITIONS[n].to}` : '—')).join(' | ')} |`,
  );
  return [`| state | ${names.join(' | ')} |`, `|---|${names.map(() => '---|').join('')}`, ...rows].join('\n');
}
