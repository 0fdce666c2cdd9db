// 大字 mode of the public pages: larger type and touch targets, one switch, remembered by this browser. Loaded in the
// page's head (not deferred) so that a page opens already in the reader's size, without a jump.
(function () {
  var KEY = 'tierup-big-text';
  var root = document.documentElement;
  function stored() {
    try { return window.localStorage.getItem(KEY) === '1'; } catch (e) { return false; }
  }
  function apply(on) {
    root.classList.toggle('big-text', on);
    document.querySelectorAll('[data-big-switch]').forEach(function (b) {
      // a toggle: its name stays 大字, its state says whether it is on
      b.setAttribute('aria-pressed', on ? 'true' : 'false');
    });
  }
  root.classList.toggle('big-text', stored());
  document.addEventListener('DOMContentLoaded', function () {
    document.querySelectorAll('[data-big-switch]').forEach(function (b) {
      b.hidden = false; // without JavaScript the switch would do nothing: it stays hidden then
      b.addEventListener('click', function () {
        var on = !root.classList.contains('big-text');
        try { window.localStorage.setItem(KEY, on ? '1' : '0'); } catch (e) { /* private mode: this page only */ }
        apply(on);
      });
    });
    apply(root.classList.contains('big-text'));
  });
})();
