// Small behaviours for the office pages. Everything essential also works without JavaScript.
document.addEventListener('click', function (e) {
  var el = e.target.closest('[data-confirm]');
  if (el && !window.confirm(el.getAttribute('data-confirm'))) {
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
