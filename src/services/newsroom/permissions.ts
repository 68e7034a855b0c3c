// Who may do what in the newsroom: one table of roles × actions, the only source of truth. The
// server checks it for every action (the API's handlers call `authorize`); docs/newsroom-permissions.md
// is generated from it and a test walks every cell through the HTTP API.
import type { Role } from '../../db/tables.ts';
import { WRITTEN_EDITIONS, type WrittenEditionCode } from '../../editions/editions.ts';

export const ROLES: readonly Role[] = ['admin', 'chief', 'editor', 'journalist'];

/**
 * A cell of the table:
 * - `all`: anywhere;
 * - `desk`: in the user's desks (the target's edition is one of them);
 * - `own`: in the user's desks, on an article the user created, while it is a draft or returned
 *   (for a photo, which has no edition: one the user uploaded);
 * - `no`: never.
 */
export type Grant = 'all' | 'desk' | 'own' | 'no';

export interface ActionSpec {
  readonly label: string;
  readonly grants: Readonly<Record<Role, Grant>>;
}

const EDITORIAL = { admin: 'all', chief: 'all', editor: 'desk', journalist: 'no' } as const;
const EVERYONE = { admin: 'all', chief: 'all', editor: 'all', journalist: 'all' } as const;
const CHIEF = { admin: 'all', chief: 'all', editor: 'no', journalist: 'no' } as const;

export const ACTIONS = {
  'article.read': {
    label: 'Open an unpublished article in the newsroom (published ones: everyone)',
    grants: { admin: 'all', chief: 'all', editor: 'desk', journalist: 'desk' },
  },
  'article.create': { label: 'Create a draft', grants: { admin: 'all', chief: 'all', editor: 'desk', journalist: 'desk' } },
  'article.edit': { label: 'Save an unpublished article', grants: { admin: 'all', chief: 'all', editor: 'desk', journalist: 'own' } },
  'article.submit': { label: 'Submit for review', grants: { admin: 'all', chief: 'all', editor: 'desk', journalist: 'own' } },
  'article.return': { label: 'Return with a comment', grants: EDITORIAL },
  'article.approve': { label: 'Approve', grants: EDITORIAL },
  'article.publish': { label: 'Publish now', grants: EDITORIAL },
  'article.schedule': { label: 'Schedule or embargo', grants: EDITORIAL },
  'article.correct': { label: 'Correct a published article', grants: EDITORIAL },
  'article.unpublish': { label: 'Unpublish', grants: EDITORIAL },
  'article.delete': { label: 'Delete an unpublished article', grants: { admin: 'all', chief: 'all', editor: 'desk', journalist: 'own' } },
  'article.translate': {
    label: 'Start a translation (into a desk of the user)',
    grants: { admin: 'all', chief: 'all', editor: 'desk', journalist: 'desk' },
  },
  'article.restore': { label: 'Restore a revision', grants: { admin: 'all', chief: 'all', editor: 'desk', journalist: 'own' } },
  'assignment.manage': { label: 'Assign stories and see every open assignment of the desk', grants: EDITORIAL },
  'derived.override': { label: 'Override a field of a derived-script article', grants: EDITORIAL },
  'lexicon.edit': { label: 'Add or remove a lexicon word', grants: EDITORIAL },
  'media.upload': { label: 'Upload a photo', grants: EVERYONE },
  'media.edit': {
    label:
      "Edit a photo's captions, credits and focal point (unused, or used only by unpublished articles: in the desks of those articles)",
    grants: { admin: 'all', chief: 'all', editor: 'desk', journalist: 'desk' },
  },
  'media.editPublished': {
    label: 'Edit the captions, credits and focal point of a photo a published or scheduled article uses (in the desks of those articles)',
    grants: EDITORIAL,
  },
  'media.delete': {
    label: 'Delete a photo no article uses (journalists: photos they uploaded)',
    grants: { admin: 'all', chief: 'all', editor: 'all', journalist: 'own' },
  },
  'tag.create': { label: 'Create a tag while writing', grants: EVERYONE },
  'section.manage': { label: 'Manage sections', grants: CHIEF },
  'tag.manage': { label: 'Rename and merge tags', grants: CHIEF },
  'author.manage': { label: 'Manage authors', grants: CHIEF },
  'audit.read': { label: 'Read the audit log', grants: CHIEF },
  'analytics.read': {
    label: "See the analytics screen: views, top articles and shares of the user's desks",
    grants: EDITORIAL,
  },
  'analytics.article': {
    label: "See an article's own views chart (in the article's desk)",
    grants: { admin: 'all', chief: 'all', editor: 'desk', journalist: 'desk' },
  },
  'page.manage': {
    label: "Write, publish and unpublish the agency's static pages (About, Contacts, Editorial staff, Terms of reuse)",
    grants: { admin: 'all', chief: 'no', editor: 'no', journalist: 'no' },
  },
  'user.manage': { label: 'Manage users, roles and desks', grants: { admin: 'all', chief: 'no', editor: 'no', journalist: 'no' } },
} as const satisfies Record<string, ActionSpec>;

export type Action = keyof typeof ACTIONS;

/** The signed-in user as the services see it. */
export interface Actor {
  readonly id: number;
  readonly role: Role;
  /** Written editions the user works on (admin and chief: all of them). */
  readonly desks: readonly WrittenEditionCode[];
}

/** What an action is done to; omit for actions on no edition (users, sections, tags, authors). */
export interface Target {
  /** 'media' for a photo (no edition; `createdBy` is its uploader); an article otherwise. */
  readonly kind?: 'article' | 'media';
  readonly edition?: string;
  readonly createdBy?: number | null;
  readonly status?: string;
}

export function desksOf(role: Role, desks: string): WrittenEditionCode[] {
  if (role === 'admin' || role === 'chief') return [...WRITTEN_EDITIONS];
  return desks
    .split(',')
    .map((d) => d.trim())
    .filter((d): d is WrittenEditionCode => (WRITTEN_EDITIONS as readonly string[]).includes(d));
}

export function can(actor: Actor, action: Action, target: Target = {}): boolean {
  const grant: Grant = ACTIONS[action].grants[actor.role];
  switch (grant) {
    case 'all':
      return true;
    case 'no':
      return false;
    case 'desk':
      return target.edition === undefined || (actor.desks as readonly string[]).includes(target.edition);
    case 'own':
      // A photo has no edition: "own" is then the uploader alone.
      if (target.kind === 'media') return target.createdBy === actor.id;
      return (
        target.edition !== undefined &&
        (actor.desks as readonly string[]).includes(target.edition) &&
        target.createdBy === actor.id &&
        (target.status === undefined || target.status === 'draft' || target.status === 'returned')
      );
  }
}

/** The actor may not do this (code FORBIDDEN; the web layer answers 403). */
export class ForbiddenError extends Error {
  readonly code = 'FORBIDDEN';
  constructor(action: Action) {
    super(`Not allowed: ${ACTIONS[action].label.toLowerCase()}`);
    this.name = 'ForbiddenError';
  }
}

/** Throws ForbiddenError unless the actor may do the action to the target. */
export function authorize(actor: Actor, action: Action, target: Target = {}): void {
  if (!can(actor, action, target)) throw new ForbiddenError(action);
}

/** The table as Markdown (docs/newsroom-permissions.md is this, checked by a test). */
export function permissionsMarkdown(): string {
  const word: Record<Grant, string> = { all: 'yes', desk: 'in own desks', own: 'own drafts', no: '—' };
  const rows = Object.entries(ACTIONS).map(
    ([name, spec]) => `| \`${name}\` | ${spec.label} | ${ROLES.map((r) => word[spec.grants[r]]).join(' | ')} |`,
  );
  return ['| action | what | admin | chief editor | editor | journalist |', '|---|---|---|---|---|---|', ...rows].join('\n');
}
