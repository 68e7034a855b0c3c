// @ts-check
// The reader site's only script (optional: every page reads fully without it).
// 1. Remembers the reader's edition so that "/" opens it next time.
// 2. On article pages, counts one view with a beacon: no cookie is read, nothing personal is sent.
// 3. The phone menu (<details>, works without this): focus moves into it when it opens, Escape
//    closes it and gives focus back to its button.
// 4. The share block's copy-link button (hidden without JavaScript, where it could not work).
(function () {
  var copy = document.querySelector('button.share-copy');
  if (!copy || !navigator.clipboard) return;
  copy.hidden = false;
  copy.addEventListener('click', function () {
    var url = copy.getAttribute('data-url') || document.location.href;
    navigator.clipboard.writeText(url).then(
      function () {
        copy.textContent = copy.getAttribute('data-done') || copy.textContent;
      },
      function () {},
    );
  });
})();
(function () {
  var menu = document.querySelector('details.site-menu');
  if (!menu) return;
  var button = menu.querySelector('summary');
  menu.addEventListener('toggle', function () {
    if (!menu.open) return;
    var first = menu.querySelector('.menu-panel a, .menu-panel input');
    if (first) first.focus();
  });
  menu.addEventListener('keydown', function (event) {
    if (event.key !== 'Escape' || !menu.open) return;
    menu.open = false;
    if (button) button.focus();
  });
})();
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
  function send() {
    fetch(url, { method: 'POST', keepalive: true, credentials: 'omit', cache: 'no-store' }).catch(function () {});
  }
  // A prerendered page counts when (if) the reader actually opens it.
  if (document.prerendering) document.addEventListener('prerenderingchange', send, { once: true });
  else send();
})();
