// What a reader's browser sends as its User-Agent. The view beacon does not count bots that announce
// themselves (isbot's list, which names Node's fetch, light-my-request and HeadlessChrome), so
// tests that count views send this, as a reader's desktop Chrome would.
export const READER_UA = 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/140.0.0.0 Safari/537.36';

/** The headers of a reader's beacon request. */
export const READER_HEADERS = { 'user-agent': READER_UA } as const;
