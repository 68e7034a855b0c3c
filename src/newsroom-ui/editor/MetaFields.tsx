// The article's details beside the text: section, tags, authors, source, lead photo, address,
// SEO texts, flags and (once published) the correction note.
import { useEffect, useState } from 'preact/hooks';
import { MediaPicker } from '../components/MediaPicker.tsx';
import { get, post } from './net.ts';
import { assetUrl, loadAsset } from './nodeViews.ts';
import { fill, type EditorStrings } from './strings.ts';
import type { ArticleFields, Author, Section, Tag } from './types.ts';
import { correctionLabel, labelWarning } from './typedLabels.ts';
import { useLatest } from './useLatest.ts';

export interface MetaFieldsProps {
  fields: ArticleFields;
  edition: string;
  published: boolean;
  editable: boolean;
  s: EditorStrings;
  onChange(patch: Partial<ArticleFields>): void;
}

const nameIn = (names: Record<string, { name: string }>, edition: string, fallback: string): string =>
  names[edition]?.name || Object.values(names).find((n) => n.name)?.name || fallback;

export function MetaFields(props: MetaFieldsProps) {
  const { fields, s, editable, onChange } = props;
  const [sections, setSections] = useState<Section[]>([]);
  useEffect(() => {
    get<{ items: Section[] }>('/sections').then(
      (r) => setSections(r.items),
      () => undefined,
    );
  }, []);
  const correctionWarning = labelWarning(s, correctionLabel(fields.correctionNote));
  const text = (key: 'sourceLine' | 'slug' | 'seoTitle' | 'seoDescription' | 'correctionNote', label: string, multiline = false) => (
    <label class="ed-field">
      <span>{label}</span>
      {multiline ? (
        <textarea
          rows={3}
          value={fields[key]}
          disabled={!editable}
          data-testid={`field-${key}`}
          onInput={(e) => onChange({ [key]: e.currentTarget.value })}
        />
      ) : (
        <input
          type="text"
          value={fields[key]}
          disabled={!editable}
          data-testid={`field-${key}`}
          onInput={(e) => onChange({ [key]: e.currentTarget.value })}
        />
      )}
      {key === 'correctionNote' && correctionWarning && (
        <span class="ed-field-warning" role="status" data-testid="correction-warning">
          {correctionWarning}
        </span>
      )}
    </label>
  );
  return (
    <section class="ed-meta" aria-label={s.metadata}>
      <label class="ed-field">
        <span>{s.section}</span>
        <select
          value={fields.sectionId ?? ''}
          disabled={!editable}
          data-testid="field-section"
          onChange={(e) => onChange({ sectionId: e.currentTarget.value ? Number(e.currentTarget.value) : null })}
        >
          <option value="">{s.noSection}</option>
          {sections.map((sec) => (
            <option dir="auto" key={sec.id} value={sec.id}>
              {nameIn(sec.names, props.edition, sec.key)}
            </option>
          ))}
        </select>
      </label>
      <TagField ids={fields.tagIds} edition={props.edition} editable={editable} s={s} onChange={(tagIds) => onChange({ tagIds })} />
      <AuthorField
        ids={fields.authorIds}
        edition={props.edition}
        editable={editable}
        s={s}
        onChange={(authorIds) => onChange({ authorIds })}
      />
      {text('sourceLine', s.sourceLine)}
      <HeroField
        id={fields.heroAssetId}
        edition={props.edition}
        editable={editable}
        s={s}
        onChange={(heroAssetId) => onChange({ heroAssetId })}
      />
      <label class="ed-field">
        <span>{s.slug}</span>
        <input
          type="text"
          value={fields.slug}
          disabled={!editable}
          data-testid="field-slug"
          dir="ltr"
          aria-describedby="ed-slug-hint"
          onInput={(e) => onChange({ slug: e.currentTarget.value })}
        />
        <small id="ed-slug-hint">{s.slugHint}</small>
      </label>
      {text('seoTitle', s.seoTitle)}
      {text('seoDescription', s.seoDescription, true)}
      <label class="ed-check">
        <input
          type="checkbox"
          checked={fields.breaking}
          disabled={!editable}
          data-testid="field-breaking"
          onChange={(e) => onChange({ breaking: e.currentTarget.checked })}
        />
        {s.breaking}
      </label>
      <label class="ed-check">
        <input
          type="checkbox"
          checked={fields.pinned}
          disabled={!editable}
          data-testid="field-pinned"
          onChange={(e) => onChange({ pinned: e.currentTarget.checked })}
        />
        {s.pinned}
      </label>
      {props.published && text('correctionNote', s.correctionNote, true)}
    </section>
  );
}

function TagField(props: { ids: number[]; edition: string; editable: boolean; s: EditorStrings; onChange(ids: number[]): void }) {
  const { s } = props;
  const [known, setKnown] = useState(new Map<number, Tag>());
  const [query, setQuery] = useState('');
  const [found, setFound] = useState<Tag[]>([]);
  const latest = useLatest();
  const remember = (tags: Tag[]) => setKnown((m) => new Map([...m, ...tags.map((t) => [t.id, t] as const)]));

  useEffect(() => {
    get<{ items: Tag[] }>('/tags?limit=500').then(
      (r) => remember(r.items),
      () => undefined,
    );
  }, []);
  useEffect(() => {
    const q = query.trim();
    if (!q) {
      setFound([]);
      return;
    }
    const timer = window.setTimeout(() => {
      latest(get<{ items: Tag[] }>(`/tags?q=${encodeURIComponent(q)}&edition=${props.edition}&limit=10`)).then(
        (r) => {
          remember(r.items);
          setFound(r.items);
        },
        () => undefined,
      );
    }, 250);
    return () => window.clearTimeout(timer);
  }, [query, props.edition]);

  const add = (id: number) => {
    if (!props.ids.includes(id)) props.onChange([...props.ids, id]);
    setQuery('');
  };
  const create = async () => {
    const name = query.trim();
    if (!name) return;
    const tag = await post<Tag>('/tags', { names: { [props.edition]: { name } } });
    remember([{ ...tag, names: tag.names ?? { [props.edition]: { name } } }]);
    add(tag.id);
  };
  const label = (id: number) => {
    const t = known.get(id);
    return t ? nameIn(t.names, props.edition, t.key) : `#${id}`;
  };
  const exact = found.some((t) => nameIn(t.names, props.edition, '').toLowerCase() === query.trim().toLowerCase());

  return (
    <fieldset class="ed-field ed-chips" data-testid="field-tags">
      <legend>{s.tags}</legend>
      <ul>
        {props.ids.map((id) => (
          <li key={id}>
            <bdi>{label(id)}</bdi>
            {props.editable && (
              <button
                type="button"
                aria-label={fill(s.tagRemove, { name: label(id) })}
                onClick={() => props.onChange(props.ids.filter((x) => x !== id))}
              >
                ×
              </button>
            )}
          </li>
        ))}
      </ul>
      {props.editable && (
        <>
          <input
            type="search"
            value={query}
            aria-label={s.tagSearch}
            placeholder={s.tagSearch}
            data-testid="tag-search"
            onInput={(e) => setQuery(e.currentTarget.value)}
            onKeyDown={(e) => {
              if (e.key !== 'Enter') return;
              e.preventDefault();
              const first = found[0];
              if (exact && first) add(first.id);
              else void create();
            }}
          />
          {query.trim() && (
            <ul class="ed-suggest" role="listbox" aria-label={s.tags}>
              {found
                .filter((t) => !props.ids.includes(t.id))
                .map((t) => (
                  <li key={t.id}>
                    <button type="button" role="option" onClick={() => add(t.id)}>
                      <bdi>{nameIn(t.names, props.edition, t.key)}</bdi>
                    </button>
                  </li>
                ))}
              {!exact && (
                <li>
                  <button type="button" data-testid="tag-create" onClick={() => void create()}>
                    {fill(s.tagCreate, { name: query.trim() })}
                  </button>
                </li>
              )}
            </ul>
          )}
        </>
      )}
    </fieldset>
  );
}

function AuthorField(props: { ids: number[]; edition: string; editable: boolean; s: EditorStrings; onChange(ids: number[]): void }) {
  const { s } = props;
  const [authors, setAuthors] = useState<Author[]>([]);
  useEffect(() => {
    get<{ items: Author[] }>('/authors').then(
      (r) => setAuthors(r.items),
      () => undefined,
    );
  }, []);
  const label = (id: number) => {
    const a = authors.find((x) => x.id === id);
    return a ? nameIn(a.names, props.edition, `#${id}`) : `#${id}`;
  };
  return (
    <fieldset class="ed-field ed-chips" data-testid="field-authors">
      <legend>{s.authors}</legend>
      <ul>
        {props.ids.map((id) => (
          <li key={id}>
            <bdi>{label(id)}</bdi>
            {props.editable && (
              <button
                type="button"
                aria-label={fill(s.authorRemove, { name: label(id) })}
                onClick={() => props.onChange(props.ids.filter((x) => x !== id))}
              >
                ×
              </button>
            )}
          </li>
        ))}
      </ul>
      {props.editable && (
        <select
          aria-label={s.authorAdd}
          value=""
          data-testid="author-add"
          onChange={(e) => {
            const id = Number(e.currentTarget.value);
            if (id && !props.ids.includes(id)) props.onChange([...props.ids, id]);
          }}
        >
          <option value="">{s.authorAdd}</option>
          {authors
            .filter((a) => !props.ids.includes(a.id))
            .map((a) => (
              <option dir="auto" key={a.id} value={a.id}>
                {nameIn(a.names, props.edition, `#${a.id}`)}
              </option>
            ))}
        </select>
      )}
    </fieldset>
  );
}

function HeroField(props: { id: number | null; edition: string; editable: boolean; s: EditorStrings; onChange(id: number | null): void }) {
  const { s } = props;
  const [picking, setPicking] = useState(false);
  const [src, setSrc] = useState('');
  useEffect(() => {
    setSrc('');
    if (props.id)
      loadAsset(props.id).then(
        (a) => setSrc(assetUrl(a, 320)),
        () => undefined,
      );
  }, [props.id]);
  return (
    <fieldset class="ed-field ed-hero">
      <legend>{s.leadPhoto}</legend>
      {props.id &&
        (src ? (
          <img src={src} alt={fill(s.photoNumber, { id: props.id })} data-testid="hero-image" />
        ) : (
          <span>{fill(s.photoNumber, { id: props.id })}</span>
        ))}
      {props.editable && (
        <div class="ed-row">
          <button type="button" data-testid="hero-pick" onClick={() => setPicking(true)}>
            {s.choosePhoto}
          </button>
          {props.id && (
            <button type="button" onClick={() => props.onChange(null)}>
              {s.removePhoto}
            </button>
          )}
        </div>
      )}
      {picking && (
        <MediaPicker
          edition={props.edition}
          onPick={(asset: { id: number }) => {
            props.onChange(asset.id);
            setPicking(false);
          }}
          onClose={() => setPicking(false)}
        />
      )}
    </fieldset>
  );
}
