// Sections are few and shown on every page: kept in memory, reloaded when they change.
import type { Db } from '../db/connect.ts';
import type { WrittenEditionCode } from '../editions/editions.ts';
import { allSections } from '../store/taxonomy.ts';

export interface SectionInfo {
  readonly id: number;
  readonly key: string;
  readonly position: number;
  readonly names: ReadonlyMap<string, { readonly name: string; readonly slug: string }>;
}

export class SectionsCache {
  private byId = new Map<number, SectionInfo>();
  private bySlug = new Map<string, SectionInfo>();
  private ordered: SectionInfo[] = [];

  constructor(private readonly db: Db) {}

  async load(): Promise<void> {
    const { sections, names } = await allSections(this.db);
    const byId = new Map<number, SectionInfo>();
    const bySlug = new Map<string, SectionInfo>();
    for (const s of sections) {
      byId.set(s.id, { id: s.id, key: s.key, position: s.position, names: new Map() });
    }
    for (const n of names) {
      const s = byId.get(n.id);
      if (!s) continue;
      (s.names as Map<string, { name: string; slug: string }>).set(n.edition, { name: n.name, slug: n.slug });
      bySlug.set(`${n.edition}/${n.slug}`, s);
    }
    this.byId = byId;
    this.bySlug = bySlug;
    this.ordered = [...byId.values()].sort((a, b) => a.position - b.position);
  }

  get(id: number): SectionInfo | undefined {
    return this.byId.get(id);
  }

  bySlugIn(edition: WrittenEditionCode, slug: string): SectionInfo | undefined {
    return this.bySlug.get(`${edition}/${slug}`);
  }

  /** Top-level sections in order that have a name in the edition. */
  list(edition: WrittenEditionCode): SectionInfo[] {
    return this.ordered.filter((s) => s.names.has(edition));
  }
}
