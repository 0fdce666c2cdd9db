// Shows a conditional question only when the answer it depends on is chosen. Without JavaScript every
// question is shown and the server ignores answers to questions whose condition is not met.
(function () {
  var conditional = document.querySelectorAll('[data-show-if]');
  if (!conditional.length) { return; }
  function update() {
    conditional.forEach(function (q) {
      var key = q.getAttribute('data-show-if');
      var option = q.getAttribute('data-show-option');
      var chosen = document.querySelector('input[name="' + key + '"][value="' + option + '"]:checked');
      q.classList.toggle('is-hidden', !chosen);
    });
  }
  document.addEventListener('change', update);
  update();
})();
