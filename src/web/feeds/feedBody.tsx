// Body blocks → HTML for feed readers, with the reader site's own (escaping) Blocks view.
import { renderToString } from 'preact-render-to-string';
import type { BlockView } from '../../services/pageModels.ts';
import { Blocks } from '../site/views/Blocks.tsx';

export function renderFeedBody(blocks: readonly BlockView[]): string {
  return renderToString(<Blocks blocks={blocks} />);
}
