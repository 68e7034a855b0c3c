// A module hook for `npm run lighthouse` (registered by scripts/lighthouse.ts before Lighthouse
// loads). Lighthouse 12.2.3's trace engine reads `chrome_frame_reporter.frame_sequence` from every
// PipelineReporter event; the Chromium here (156) emits some without `chrome_frame_reporter`, and
// the TypeError fails the RootCauses gatherer and with it the LCP element, prioritize-lcp-image,
// lcp-lazy-loaded, layout-shifts, non-composited-animations and render-blocking-resources audits.
// The hook reads the field optionally: such an event is left out of the screenshots' timestamp
// correction, which then uses the screenshot's own time stamp (as for traces of older Chromium).
const HANDLER = /@paulirish\/trace_engine\/models\/trace\/handlers\/ScreenshotsHandler\.js$/;

export async function load(url, context, nextLoad) {
  const result = await nextLoad(url, context);
  if (!HANDLER.test(url)) return result;
  const source = String(result.source).replace('chrome_frame_reporter.frame_sequence', 'chrome_frame_reporter?.frame_sequence');
  return { ...result, source };
}
