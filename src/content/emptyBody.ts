// Whether an article body says anything: a body of blank paragraphs is empty, a photo, an embed, a
// list or a table with words is not. Shared by the publish check of the newsroom service and the
// editor's publishing checklist.
import type { Block, Body, Inline } from './body.ts';

const hasWords = (inlines: readonly Inline[]) => inlines.some((x) => x.text.trim() !== '');

function blockSaysSomething(block: Block): boolean {
  switch (block.type) {
    case 'paragraph':
    case 'heading':
    case 'quote':
      return hasWords(block.content);
    case 'list':
      return block.items.some(hasWords);
    case 'table':
      return block.rows.some((row) => row.some(hasWords));
    case 'image':
    case 'gallery':
    case 'embed':
      return true;
    case 'divider':
      return false;
  }
}

export function isEmptyBody(body: Body | null | undefined): boolean {
  return !(body?.blocks ?? []).some(blockSaysSomething);
}
