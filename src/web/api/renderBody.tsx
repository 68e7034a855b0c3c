// Body blocks → HTML for API consumers, with the reader site's own (escaping) Blocks view.
import { renderToString } from 'preact-render-to-string';
import type { BlockView } from '../../services/pageModels.ts';
import { Blocks } from '../site/views/Blocks.tsx';

export function renderBody(blocks: readonly BlockView[]): string {
  return renderToString(<Blocks blocks={blocks} />);
}
