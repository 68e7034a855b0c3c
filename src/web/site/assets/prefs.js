// @ts-check
// Runs in <head> before the first paint: applies the reader's saved text size and colours
// (chosen in the article's reading settings, site.js) so that the page never flashes the default.
(function () {
  try {
    var root = document.documentElement;
    var theme = localStorage.getItem('habarshy.theme');
    if (theme === 'light' || theme === 'dark') root.setAttribute('data-theme', theme);
    var size = localStorage.getItem('habarshy.text');
    if (size === 's' || size === 'l') root.setAttribute('data-text', size);
  } catch {
    // Storage refused (private mode, blocked): the defaults stay.
  }
})();
