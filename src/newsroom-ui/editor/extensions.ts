// The editor's ProseMirror schema, shaped so that it can only hold what the body block schema can:
// headings 2–4, one paragraph per list item and table cell, lines of paragraphs in a quote, no code blocks, no nested lists,
// the body's seven marks plus links and a `lang` mark for runs in another language.
import { Mark, Node, mergeAttributes, type Extensions, type NodeViewRenderer } from '@tiptap/core';
import StarterKit from '@tiptap/starter-kit';
import Blockquote, { type BlockquoteOptions } from '@tiptap/extension-blockquote';
import type { EditorState } from '@tiptap/pm/state';
import { TextSelection } from '@tiptap/pm/state';
import type { Node as PmNode } from '@tiptap/pm/model';
import { ListItem } from '@tiptap/extension-list';
import { Table, TableCell, TableHeader, TableRow } from '@tiptap/extension-table';
import Placeholder from '@tiptap/extension-placeholder';
import { isAllowedHref, isAllowedLang } from './blocks.ts';

/** `<span lang="ru">`: a run in another language, left alone by the script converters. */
export const LangMark = Mark.create({
  name: 'lang',
  addAttributes() {
    return {
      lang: {
        default: null,
        parseHTML: (el) => (isAllowedLang(el.getAttribute('lang')) ? el.getAttribute('lang') : null),
        renderHTML: (attrs) => (attrs['lang'] ? { lang: attrs['lang'] } : {}),
      },
    };
  },
  parseHTML() {
    return [{ tag: 'span[lang]', getAttrs: (el) => (isAllowedLang(el.getAttribute('lang')) ? null : false) }];
  },
  renderHTML({ HTMLAttributes }) {
    return ['span', mergeAttributes({ class: 'ed-lang' }, HTMLAttributes), 0];
  },
});

function simpleMark(name: string, tag: string, shortcut: string) {
  return Mark.create({
    name,
    excludes: name === 'subscript' ? 'superscript' : 'subscript',
    parseHTML: () => [{ tag }],
    renderHTML: () => [tag, 0],
    addKeyboardShortcuts() {
      return { [shortcut]: () => this.editor.commands.toggleMark(this.name) };
    },
  });
}

export const Subscript = simpleMark('subscript', 'sub', 'Mod-,');
export const Superscript = simpleMark('superscript', 'sup', 'Mod-.');

declare module '@tiptap/core' {
  interface Commands<ReturnType> {
    quoteExit: {
      /** Puts the caret in the paragraph after the quotation at `pos` (made when there is none). */
      exitQuoteAt: (pos: number) => ReturnType;
    };
  }
}

/** Where the quotation around the caret starts, or null outside one. */
function quoteAround(state: EditorState): { pos: number; node: PmNode; depth: number } | null {
  const { $from } = state.selection;
  for (let d = $from.depth; d > 0; d--) {
    if ($from.node(d).type.name === 'blockquote') return { pos: $from.before(d), node: $from.node(d), depth: d };
  }
  return null;
}

/**
 * A quotation: lines of text (one paragraph each, joined with a space in the body block), an
 * optional source (`cite`, its own field in the node view) and language. Enter makes a new line,
 * Enter on an empty line leaves the quotation (ProseMirror's liftEmptyBlock); so do Escape and
 * arrow down at the end of its last line.
 */
export const Quote = Blockquote.extend<BlockquoteOptions & { view?: NodeViewRenderer }>({
  content: 'paragraph+',
  addOptions() {
    return { ...this.parent!(), view: undefined };
  },
  addAttributes() {
    return {
      cite: {
        default: '',
        parseHTML: (el) => el.getAttribute('data-cite') ?? '',
        renderHTML: (attrs) => (attrs['cite'] ? { 'data-cite': attrs['cite'] } : {}),
      },
      lang: {
        default: '',
        parseHTML: (el) => (isAllowedLang(el.getAttribute('lang')) ? el.getAttribute('lang') : ''),
        renderHTML: (attrs) => (attrs['lang'] ? { lang: attrs['lang'] } : {}),
      },
    };
  },
  addNodeView() {
    return this.options.view ?? null;
  },
  addCommands() {
    return {
      ...this.parent!(),
      exitQuoteAt:
        (pos: number) =>
        ({ tr, state, dispatch }) => {
          const node = tr.doc.nodeAt(pos);
          if (!node || node.type.name !== this.name) return false;
          if (dispatch) {
            const after = pos + node.nodeSize;
            const next = tr.doc.nodeAt(after);
            if (!next || !next.isTextblock) tr.insert(after, state.schema.nodes['paragraph']!.create());
            tr.setSelection(TextSelection.create(tr.doc, after + 1)).scrollIntoView();
          }
          return true;
        },
    };
  },
  addKeyboardShortcuts() {
    const exit = () => {
      const quote = quoteAround(this.editor.state);
      return quote ? this.editor.commands.exitQuoteAt(quote.pos) : false;
    };
    return {
      ...this.parent!(),
      Escape: exit,
      ArrowDown: () => {
        const { selection } = this.editor.state;
        const quote = quoteAround(this.editor.state);
        if (!quote || !selection.empty) return false;
        const { $from } = selection;
        const atEnd = $from.parentOffset === $from.parent.content.size && $from.index(quote.depth) === quote.node.childCount - 1;
        return atEnd ? exit() : false;
      },
    };
  },
});

const OneParagraphItem = ListItem.extend({ content: 'paragraph' });
const OneParagraphCell = TableCell.extend({ content: 'paragraph' });
const OneParagraphHeader = TableHeader.extend({ content: 'paragraph' });

/** Attributes stored as-is in the node (read back by blocks.ts). */
function plainAttrs(names: Record<string, unknown>) {
  return Object.fromEntries(Object.entries(names).map(([name, value]) => [name, { default: value, rendered: false }]));
}

export interface ViewOptions {
  image?: NodeViewRenderer;
  quote?: NodeViewRenderer;
  gallery?: NodeViewRenderer;
  embed?: NodeViewRenderer;
}

export const ImageNode = Node.create<{ view?: NodeViewRenderer }>({
  name: 'image',
  group: 'block',
  atom: true,
  draggable: true,
  addOptions: () => ({ view: undefined }),
  addAttributes: () => ({
    ...plainAttrs({ caption: '', credit: '', alt: '' }),
    assetId: {
      default: null,
      parseHTML: (el) => Number(el.getAttribute('data-asset-id')) || null,
      renderHTML: (attrs) => ({ 'data-asset-id': String(attrs['assetId']) }),
    },
  }),
  parseHTML: () => [{ tag: 'figure[data-asset-id]' }],
  renderHTML: ({ HTMLAttributes, node }) => ['figure', HTMLAttributes, ['figcaption', {}, String(node.attrs['caption'] ?? '')]],
  addNodeView() {
    return this.options.view ?? null;
  },
});

export const GalleryNode = Node.create<{ view?: NodeViewRenderer }>({
  name: 'gallery',
  group: 'block',
  atom: true,
  addOptions: () => ({ view: undefined }),
  addAttributes: () => plainAttrs({ items: [] }),
  // Galleries come from imported articles; they are kept, not created by pasting.
  parseHTML: () => [],
  renderHTML: () => ['div', { class: 'ed-gallery' }],
  addNodeView() {
    return this.options.view ?? null;
  },
});

export const EmbedNode = Node.create<{ view?: NodeViewRenderer }>({
  name: 'embed',
  group: 'block',
  atom: true,
  draggable: true,
  addOptions: () => ({ view: undefined }),
  addAttributes: () => ({
    provider: { default: null, rendered: false },
    url: {
      default: '',
      parseHTML: (el) => el.getAttribute('data-embed-url') ?? '',
      renderHTML: (attrs) => ({ 'data-embed-url': attrs['url'] }),
    },
  }),
  parseHTML: () => [{ tag: 'div[data-embed-url]' }],
  renderHTML: ({ HTMLAttributes, node }) => ['div', mergeAttributes({ class: 'ed-embed' }, HTMLAttributes), String(node.attrs['url'])],
  addNodeView() {
    return this.options.view ?? null;
  },
});

export interface ExtensionOptions {
  placeholder?: string;
  views?: ViewOptions;
}

export function editorExtensions(options: ExtensionOptions = {}): Extensions {
  const views = options.views ?? {};
  return [
    StarterKit.configure({
      heading: { levels: [2, 3, 4] },
      codeBlock: false,
      blockquote: false,
      listItem: false,
      link: {
        openOnClick: false,
        autolink: true,
        defaultProtocol: 'https',
        isAllowedUri: (url) => isAllowedHref(url),
        HTMLAttributes: { rel: 'noopener noreferrer nofollow', target: null },
      },
    }),
    Quote.configure({ view: views.quote }),
    OneParagraphItem,
    LangMark,
    Subscript,
    Superscript,
    Table.configure({ resizable: false }),
    TableRow,
    OneParagraphHeader,
    OneParagraphCell,
    ImageNode.configure({ view: views.image }),
    GalleryNode.configure({ view: views.gallery }),
    EmbedNode.configure({ view: views.embed }),
    ...(options.placeholder ? [Placeholder.configure({ placeholder: options.placeholder })] : []),
  ];
}
