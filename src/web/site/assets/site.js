// @ts-check
// The reader site's only script (optional: every page reads fully without it).
// 1. Remembers the reader's edition so that "/" opens it next time.
// 2. On article pages, counts one view with a beacon: no cookie is read, nothing personal is sent.
// 3. The phone menu (<details>, works without this): focus moves into it when it opens, Escape
//    closes it and gives focus back to its button.
// 4. The share block's copy-link button (hidden without JavaScript, where it could not work).
// 5. Reading settings: text size and colours, remembered in localStorage (prefs.js applies them first).
// 6. Embeds: the facade's button loads the provider's frame; nothing is requested before.
// 7. Galleries: a photo opens the viewer (arrows, Escape, swipe; caption and credit of each photo).
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
(function () {
  var box = document.querySelector('.reader-settings');
  var toggle = box && box.querySelector('button.settings-toggle');
  var panel = box && box.querySelector('.settings-panel');
  if (!box || !toggle || !panel) return;
  var root = document.documentElement;
  /** @param {string} key @param {string | null} value */
  function remember(key, value) {
    try {
      if (value === null) localStorage.removeItem(key);
      else localStorage.setItem(key, value);
    } catch {
      // Not stored: the choice holds for this page only.
    }
  }
  function mark() {
    var size = root.getAttribute('data-text') || 'm';
    var theme = root.getAttribute('data-theme') || 'auto';
    box.querySelectorAll('button[data-text-size]').forEach(function (b) {
      b.setAttribute('aria-pressed', String(b.getAttribute('data-text-size') === size));
    });
    box.querySelectorAll('button[data-theme-choice]').forEach(function (b) {
      b.setAttribute('aria-pressed', String(b.getAttribute('data-theme-choice') === theme));
    });
  }
  box.addEventListener('click', function (event) {
    var target = /** @type {Element} */ (event.target);
    var button = target.closest('button');
    if (!button || !panel) return;
    if (button === toggle) {
      panel.hidden = !panel.hidden;
      button.setAttribute('aria-expanded', String(!panel.hidden));
      return;
    }
    var size = button.getAttribute('data-text-size');
    var theme = button.getAttribute('data-theme-choice');
    if (size) {
      if (size === 'm') root.removeAttribute('data-text');
      else root.setAttribute('data-text', size);
      remember('habarshy.text', size === 'm' ? null : size);
    } else if (theme) {
      if (theme === 'auto') root.removeAttribute('data-theme');
      else root.setAttribute('data-theme', theme);
      remember('habarshy.theme', theme === 'auto' ? null : theme);
    }
    mark();
  });
  mark();
  box.hidden = false;
})();
(function () {
  document.querySelectorAll('figure.embed[data-frame]').forEach(function (figure) {
    var load = figure.querySelector('.embed-load');
    var button = load && load.querySelector('button');
    var poster = figure.querySelector('.embed-poster');
    if (!load || !button || !poster) return;
    load.hidden = false;
    button.addEventListener('click', function () {
      var frame = document.createElement('iframe');
      frame.src = figure.getAttribute('data-frame') || 'about:blank';
      frame.title = figure.getAttribute('data-provider') || '';
      frame.allow = 'autoplay; encrypted-media; picture-in-picture; fullscreen';
      frame.referrerPolicy = 'strict-origin-when-cross-origin';
      frame.setAttribute('allowfullscreen', '');
      frame.className = 'embed-frame';
      poster.replaceWith(frame);
      if (load) load.remove();
      figure.classList.add('embed-loaded');
      frame.focus();
    });
  });
})();
(function () {
  var galleries = document.querySelectorAll('.gallery[data-viewer]');
  if (galleries.length === 0 || typeof HTMLDialogElement !== 'function') return;
  var rtl = document.documentElement.dir === 'rtl';
  galleries.forEach(function (gallery) {
    var items = Array.prototype.slice.call(gallery.querySelectorAll('.gallery-item'));
    if (items.length === 0) return;
    var at = 0;
    /** @type {Element | null} */
    var opener = null;
    var dialog = document.createElement('dialog');
    dialog.className = 'viewer';
    dialog.setAttribute('aria-label', gallery.getAttribute('data-viewer') || '');
    /** @param {string} cls @param {string} label @param {string} text */
    function button(cls, label, text) {
      var b = document.createElement('button');
      b.type = 'button';
      b.className = cls;
      b.setAttribute('aria-label', label);
      b.textContent = text;
      return b;
    }
    var close = button('viewer-close', gallery.getAttribute('data-close') || '', '×');
    var prev = button('viewer-prev', gallery.getAttribute('data-prev') || '', rtl ? '→' : '←');
    var next = button('viewer-next', gallery.getAttribute('data-next') || '', rtl ? '←' : '→');
    var figure = document.createElement('figure');
    var img = document.createElement('img');
    img.decoding = 'async';
    var caption = document.createElement('figcaption');
    var count = document.createElement('p');
    count.className = 'viewer-count';
    count.setAttribute('aria-live', 'polite');
    figure.append(img, caption);
    dialog.append(close, figure, count, prev, next);
    document.body.append(dialog);
    /** @param {number} n */
    function show(n) {
      at = (n + items.length) % items.length;
      var item = items[at];
      var source = item.querySelector('img');
      var link = item.querySelector('a.gallery-open');
      if (source) {
        img.srcset = source.getAttribute('srcset') || '';
        img.sizes = '100vw';
        img.src = (link && link.getAttribute('href')) || source.getAttribute('src') || '';
        img.alt = source.getAttribute('alt') || '';
        img.width = Number(source.getAttribute('width')) || 0;
        img.height = Number(source.getAttribute('height')) || 0;
      }
      var text = item.querySelector('figcaption');
      caption.innerHTML = '';
      if (text) caption.append(text.cloneNode(true));
      caption.hidden = !text;
      count.textContent = (gallery.getAttribute('data-count') || '{n}').replace('{n}', String(at + 1));
    }
    gallery.addEventListener('click', function (event) {
      var target = /** @type {Element} */ (event.target);
      var link = target.closest('a.gallery-open');
      if (!link || event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey) return;
      event.preventDefault();
      opener = link;
      show(Number(link.getAttribute('data-index')) || 0);
      dialog.showModal();
      close.focus();
    });
    close.addEventListener('click', function () {
      dialog.close();
    });
    prev.addEventListener('click', function () {
      show(at - 1);
    });
    next.addEventListener('click', function () {
      show(at + 1);
    });
    dialog.addEventListener('close', function () {
      if (opener instanceof HTMLElement) opener.focus();
    });
    dialog.addEventListener('keydown', function (event) {
      // Escape closes the dialog by itself; the arrows follow the reading direction.
      if (event.key === 'ArrowRight') show(rtl ? at - 1 : at + 1);
      else if (event.key === 'ArrowLeft') show(rtl ? at + 1 : at - 1);
      else return;
      event.preventDefault();
    });
    var startX = 0;
    var startY = 0;
    dialog.addEventListener(
      'touchstart',
      function (event) {
        startX = event.changedTouches[0].clientX;
        startY = event.changedTouches[0].clientY;
      },
      { passive: true },
    );
    dialog.addEventListener('touchend', function (event) {
      var dx = event.changedTouches[0].clientX - startX;
      var dy = event.changedTouches[0].clientY - startY;
      if (Math.abs(dx) < 40 || Math.abs(dx) < Math.abs(dy)) return;
      // A swipe to the left brings the next photo (to the right in a right-to-left page).
      show(dx < 0 !== rtl ? at + 1 : at - 1);
    });
  });
})();
