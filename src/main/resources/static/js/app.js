// Small behaviours for the office pages. Everything essential also works without JavaScript.
document.addEventListener('click', function (e) {
  // A form asks once, when it is submitted (below), not also on the click of its button.
  var el = e.target.closest('[data-confirm]');
  if (el && el.tagName !== 'FORM' && !window.confirm(el.getAttribute('data-confirm'))) {
    e.preventDefault();
    e.stopImmediatePropagation();
  }
  var back = e.target.closest('[data-back]');
  if (back && window.history.length > 1) {
    e.preventDefault();
    window.history.back();
  }
}, true);
document.addEventListener('submit', function (e) {
  var form = e.target;
  if (form.hasAttribute('data-confirm') && !window.confirm(form.getAttribute('data-confirm'))) {
    e.preventDefault();
    return;
  }
  // Long work (imports): show that it is under way and keep the button from a second click.
  var busy = form.querySelector('[data-busy]');
  if (busy) {
    busy.disabled = true;
    busy.textContent = busy.getAttribute('data-busy');
  }
});
// The organisation tree: "+" loads a node's children once (htmx), "−" folds them away, "+" shows them again.
document.addEventListener('click', function (e) {
  var toggle = e.target.closest('.tree-toggle');
  if (!toggle || !toggle.hasAttribute('data-loaded')) {
    return;
  }
  e.preventDefault();
  e.stopPropagation();
  var open = toggle.getAttribute('aria-expanded') === 'true';
  var list = toggle.closest('li').querySelector(':scope > ul.tree');
  if (list) {
    list.hidden = open;
  }
  toggle.setAttribute('aria-expanded', open ? 'false' : 'true');
  toggle.textContent = open ? '+' : '−';
}, true);
document.addEventListener('htmx:afterSwap', function (e) {
  var toggle = e.detail.requestConfig && e.detail.requestConfig.elt;
  if (toggle && toggle.classList && toggle.classList.contains('tree-toggle')) {
    toggle.setAttribute('data-loaded', '');
    toggle.setAttribute('aria-expanded', 'true');
    toggle.textContent = '−';
  }
});

// A table wider than the screen scrolls sideways inside its box: that box takes the keyboard's focus (so the arrow keys
// scroll it) and is named after its table, so a keyboard or screen-reader user can reach every column too.
(function () {
  document.querySelectorAll('.table-wrap').forEach(function (box) {
    if (box.hasAttribute('tabindex')) { return; }
    var table = box.querySelector('table');
    var panel = box.closest('.panel');
    var title = table && table.caption ? table.caption.textContent
      : (panel && panel.querySelector('.panel-title') ? panel.querySelector('.panel-title').textContent : '');
    box.setAttribute('tabindex', '0');
    box.setAttribute('role', 'region');
    box.setAttribute('aria-label', (title || '表格').trim() + '（可左右滚动）');
  });
})();
