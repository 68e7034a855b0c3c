// The article body: structured blocks, never HTML. Version 1 of the schema.
// Documented in docs/body-schema.md; validated whenever a body is written.
import { Type, type Static } from '@sinclair/typebox';
import { TypeCompiler } from '@sinclair/typebox/compiler';
import { EMBED_HOSTS, isEmbedUrlOf } from './embeds.ts';
import { hasBidiControls, stripBidiOptional } from './text.ts';

export const BODY_VERSION = 1;

const Text = (max: number) => Type.String({ maxLength: max });
/**
 * http(s) or mailto links, or site-relative paths; nothing that runs script. A relative path may
 * not start with `//` or `/\\`: browsers read both as another host (`//evil.example/x`).
 */
export const HREF_PATTERN = '^(https?://[^\\s]+|mailto:[^\\s]+|/(?![/\\\\])[^\\s]*)$';
const Href = Type.String({ maxLength: 2048, pattern: HREF_PATTERN });

export const Mark = Type.Union([
  Type.Literal('bold'),
  Type.Literal('italic'),
  Type.Literal('underline'),
  Type.Literal('strike'),
  Type.Literal('code'),
  Type.Literal('sub'),
  Type.Literal('sup'),
]);

/**
 * A BCP 47 tag for a run in another language than the article's (a Russian quotation in a Kazakh
 * article): rendered as `lang`, and never passed through the article's script converter.
 */
const Lang = Type.String({ pattern: '^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$', maxLength: 35 });

export const InlineText = Type.Object(
  {
    type: Type.Literal('text'),
    text: Text(20_000),
    marks: Type.Optional(Type.Array(Mark, { maxItems: 7, uniqueItems: true })),
    href: Type.Optional(Href),
    lang: Type.Optional(Lang),
  },
  { additionalProperties: false },
);

const Inlines = Type.Array(InlineText, { maxItems: 500 });

export const Paragraph = Type.Object({ type: Type.Literal('paragraph'), content: Inlines }, { additionalProperties: false });
export const Heading = Type.Object(
  {
    type: Type.Literal('heading'),
    level: Type.Union([Type.Literal(2), Type.Literal(3), Type.Literal(4)]),
    content: Inlines,
  },
  { additionalProperties: false },
);
export const Quote = Type.Object(
  {
    type: Type.Literal('quote'),
    content: Inlines,
    cite: Type.Optional(Text(500)),
    /** The quotation's language when it is not the article's (the cite is converted, the words are not). */
    lang: Type.Optional(Lang),
  },
  { additionalProperties: false },
);
export const List = Type.Object(
  {
    type: Type.Literal('list'),
    ordered: Type.Boolean(),
    items: Type.Array(Inlines, { minItems: 1, maxItems: 200 }),
  },
  { additionalProperties: false },
);
const ImageFields = {
  assetId: Type.Integer({ minimum: 1 }),
  caption: Type.Optional(Text(1000)),
  credit: Type.Optional(Text(300)),
  alt: Type.Optional(Text(500)),
};
export const Image = Type.Object({ type: Type.Literal('image'), ...ImageFields }, { additionalProperties: false });
export const Gallery = Type.Object(
  {
    type: Type.Literal('gallery'),
    items: Type.Array(Type.Object(ImageFields, { additionalProperties: false }), { minItems: 1, maxItems: 50 }),
  },
  { additionalProperties: false },
);
export const Embed = Type.Object(
  {
    type: Type.Literal('embed'),
    provider: Type.Union([Type.Literal('youtube'), Type.Literal('x'), Type.Literal('telegram'), Type.Literal('instagram')]),
    /** An https address on one of the provider's hosts (src/content/embeds.ts), checked by parseBody. */
    url: Type.String({ maxLength: 2048, pattern: '^https://[^\\s]+$' }),
  },
  { additionalProperties: false },
);
export const Table = Type.Object(
  {
    type: Type.Literal('table'),
    header: Type.Boolean(),
    rows: Type.Array(Type.Array(Inlines, { minItems: 1, maxItems: 30 }), { minItems: 1, maxItems: 500 }),
  },
  { additionalProperties: false },
);
export const Divider = Type.Object({ type: Type.Literal('divider') }, { additionalProperties: false });

export const Block = Type.Union([Paragraph, Heading, Quote, List, Image, Gallery, Embed, Table, Divider]);

/** Blocks an article body may have. */
export const MAX_BLOCKS = 2000;

export const Body = Type.Object(
  {
    version: Type.Literal(BODY_VERSION),
    blocks: Type.Array(Block, { maxItems: MAX_BLOCKS }),
  },
  { additionalProperties: false, $id: 'https://habarshy.dev/schemas/body-v1.json' },
);

export type Body = Static<typeof Body>;
export type Block = Static<typeof Block>;
export type Inline = Static<typeof InlineText>;
export type ImageBlock = Static<typeof Image>;

const check = TypeCompiler.Compile(Body);
const BLOCK_CHECKS = new Map(
  [Paragraph, Heading, Quote, List, Image, Gallery, Embed, Table, Divider].map((schema) => [
    (schema.properties.type as { const: string }).const,
    TypeCompiler.Compile(schema),
  ]),
);

export class InvalidBodyError extends Error {
  constructor(
    readonly path: string,
    readonly problem: string,
  ) {
    super(`invalid body at ${path || '/'}: ${problem}`);
    this.name = 'InvalidBodyError';
  }
}

/** Validates unknown data as a body; throws InvalidBodyError naming the path of the first error. */
export function parseBody(data: unknown): Body {
  // Counted first: checking 50,000 valid blocks one by one before the count refused them held the
  // event loop for most of a second (scripts/faults/hostile.ts).
  const count = (data as { blocks?: unknown } | null)?.blocks;
  if (Array.isArray(count) && count.length > MAX_BLOCKS) throw new InvalidBodyError('/blocks', `at most ${MAX_BLOCKS} blocks`);
  if (check.Check(data)) {
    checkEmbedHosts(data);
    return withoutBidiInLines(data);
  }
  // A union only says "no block matched": check each block against the schema its type names,
  // so the error points inside the block.
  const blocks = (data as { blocks?: unknown })?.blocks;
  if (Array.isArray(blocks)) {
    for (let i = 0; i < blocks.length; i++) {
      const type = (blocks[i] as { type?: unknown })?.type;
      const blockCheck = typeof type === 'string' ? BLOCK_CHECKS.get(type) : undefined;
      if (!blockCheck) throw new InvalidBodyError(`/blocks/${i}/type`, `unknown block type ${JSON.stringify(type ?? null)}`);
      const error = blockCheck.Errors(blocks[i]).First();
      if (error) throw new InvalidBodyError(`/blocks/${i}${error.path}`, error.message);
    }
  }
  const error = check.Errors(data).First();
  throw new InvalidBodyError(error?.path ?? '', error?.message ?? 'does not match the body schema');
}

/** An embed's address must belong to its provider: `youtube` with `https://evil.example/…` is refused. */
function checkEmbedHosts(body: Body): void {
  body.blocks.forEach((block, i) => {
    if (block.type === 'embed' && !isEmbedUrlOf(block.provider, block.url)) {
      throw new InvalidBodyError(`/blocks/${i}/url`, `not an address of ${block.provider} (${EMBED_HOSTS[block.provider].join(', ')})`);
    }
  });
}

/**
 * Captions, credits, descriptions and quotation sources are single lines: bidi embedding,
 * override and isolate controls are removed from them (src/content/text.ts). Paragraph text is
 * left as written.
 */
function withoutBidiInLines(body: Body): Body {
  if (!hasBidiControls(JSON.stringify(body))) return body;
  const image = <T extends { caption?: string; credit?: string; alt?: string }>(i: T): T => ({
    ...i,
    ...(i.caption !== undefined ? { caption: stripBidiOptional(i.caption) } : {}),
    ...(i.credit !== undefined ? { credit: stripBidiOptional(i.credit) } : {}),
    ...(i.alt !== undefined ? { alt: stripBidiOptional(i.alt) } : {}),
  });
  const blocks = body.blocks.map((b): Block => {
    switch (b.type) {
      case 'image':
        return image(b);
      case 'gallery':
        return { ...b, items: b.items.map(image) };
      case 'quote':
        return b.cite !== undefined ? { ...b, cite: stripBidiOptional(b.cite) } : b;
      default:
        return b;
    }
  });
  return { ...body, blocks };
}

/** Convenience builder: one paragraph of plain text. */
export function paragraph(text: string): Static<typeof Paragraph> {
  return { type: 'paragraph', content: [{ type: 'text', text }] };
}

/** All visible text of a body, in order (for descriptions, search and reading time). */
export function bodyText(body: Body): string {
  const parts: string[] = [];
  const inl = (xs: readonly Inline[]) => parts.push(xs.map((x) => x.text).join(''));
  for (const b of body.blocks) {
    switch (b.type) {
      case 'paragraph':
      case 'heading':
      case 'quote':
        inl(b.content);
        break;
      case 'list':
        b.items.forEach(inl);
        break;
      case 'table':
        b.rows.forEach((r) => r.forEach(inl));
        break;
      case 'image':
        if (b.caption) parts.push(b.caption);
        break;
      case 'gallery':
        b.items.forEach((i) => i.caption && parts.push(i.caption));
        break;
      case 'embed':
      case 'divider':
        break;
    }
  }
  return parts.join('\n');
}
