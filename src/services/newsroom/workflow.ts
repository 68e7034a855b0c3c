// The review workflow: which action moves an article from which states to which, and the
// permission each needs. The state lives in `articles.status`; every move is a timeline row.
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
  schedule: { from: ['draft', 'submitted', 'returned', 'approved'], to: 'scheduled', permission: 'article.schedule' },
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
