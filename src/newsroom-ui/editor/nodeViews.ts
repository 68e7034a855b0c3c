// How photos, embeds and galleries look inside the editor: plain DOM node views (ProseMirror owns
// this part of the page). A photo shows its picture and edits its caption, credit and alt in place.
import type { NodeViewRenderer, NodeViewRendererProps } from '@tiptap/core';
import type { Asset } from './types.ts';
import { get } from './net.ts';
import { fill, type EditorStrings } from './strings.ts';

const assetCache = new Map<number, Promise<Asset>>();

export function loadAsset(id: number): Promise<Asset> {
  let asset = assetCache.get(id);
  if (!asset) {
    asset = get<Asset>(`/media/${id}`);
    asset.catch(() => assetCache.delete(id));
    assetCache.set(id, asset);
  }
  return asset;
}

/** The smallest variant at least `width` pixels wide (WebP), or the original. */
export function assetUrl(asset: Asset, width = 480): string {
  const sizes = Object.keys(asset.urls.webp).map(Number).sort((a, b) => a - b);
  const size = sizes.find((w) => w >= width) ?? sizes[sizes.length - 1];
  return size !== undefined ? asset.urls.webp[String(size)] ?? asset.urls.original : asset.urls.original;
}

function el<K extends keyof HTMLElementTagNameMap>(tag: K, props: Partial<HTMLElementTagNameMap[K]> = {}, ...children: (Node | string)[]): HTMLElementTagNameMap[K] {
  const node = Object.assign(document.createElement(tag), props);
  node.append(...children);
  return node;
}

function setAttr(props: NodeViewRendererProps, name: string, value: string): void {
  const pos = typeof props.getPos === 'function' ? props.getPos() : undefined;
  if (typeof pos !== 'number') return;
  props.editor.commands.command(({ tr }) => {
    const node = tr.doc.nodeAt(pos);
    if (!node) return false;
    tr.setNodeMarkup(pos, undefined, { ...node.attrs, [name]: value });
    return true;
  });
}

/** Text inputs inside the node keep their own keys and clicks; ProseMirror ignores their changes. */
const ownEvents = {
  stopEvent: (event: Event) => event.target instanceof HTMLInputElement,
  ignoreMutation: () => true,
};

export function imageView(s: EditorStrings): NodeViewRenderer {
  return (props) => {
    const attrs = props.node.attrs as { assetId: number; caption: string; credit: string; alt: string };
    const img = el('img', { alt: '', className: 'ed-figure-img' });
    img.setAttribute('data-testid', 'body-image');
    const field = (name: 'caption' | 'credit' | 'alt', label: string) => {
      const input = el('input', { type: 'text', value: attrs[name] ?? '', disabled: !props.editor.isEditable });
      input.addEventListener('change', () => setAttr(props, name, input.value));
      return el('label', { className: 'ed-figure-field' }, label, input);
    };
    const dom = el('figure', { className: 'ed-figure', contentEditable: 'false' },
      img,
      el('span', { className: 'ed-figure-id' }, fill(s.photoNumber, { id: attrs.assetId })),
      field('caption', s.imageCaption), field('credit', s.imageCredit), field('alt', s.imageAlt));
    loadAsset(attrs.assetId).then((asset) => { img.src = assetUrl(asset); }, () => undefined);
    return { dom, ...ownEvents };
  };
}

export function embedView(s: EditorStrings): NodeViewRenderer {
  return (props) => {
    const { provider, url } = props.node.attrs as { provider: string; url: string };
    const dom = el('div', { className: 'ed-embed', contentEditable: 'false' },
      el('strong', {}, fill(s.embedOf, { provider: provider ?? '' })), ' ',
      el('a', { href: url, target: '_blank', rel: 'noopener noreferrer' }, url));
    return { dom, ...ownEvents };
  };
}

export function galleryView(s: EditorStrings): NodeViewRenderer {
  return (props) => {
    const items = (props.node.attrs['items'] ?? []) as { assetId: number }[];
    const dom = el('div', { className: 'ed-gallery', contentEditable: 'false' }, fill(s.gallery, { count: items.length }));
    return { dom, ...ownEvents };
  };
}
