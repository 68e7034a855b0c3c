// @ts-check
// The reader site's only script (optional: every page reads fully without it).
// 1. Remembers the reader's edition so that "/" opens it next time.
// 2. On article pages, counts one view with a beacon: no cookie is read, nothing personal is sent.
(function () {
  var main = document.getElementById('main');
  if (!main) return;
  var edition = document.documentElement.getAttribute('data-edition');
  if (edition) document.cookie = 'edition=' + edition + '; path=/; max-age=31536000; SameSite=Lax';
  var id = main.getAttribute('data-article');
  var ed = main.getAttribute('data-edition');
  if (!id || !ed) return;
  var url = '/beacon?a=' + encodeURIComponent(id) + '&e=' + encodeURIComponent(ed);
  // fetch rather than sendBeacon: sendBeacon always sends cookies, this request sends none.
  fetch(url, { method: 'POST', keepalive: true, credentials: 'omit', cache: 'no-store' }).catch(function () {});
})();
