// The score sheet's total as the leadership types, before saving (the saved total and grade are the server's).
(function () {
  var total = document.getElementById('live-total');
  var inputs = document.querySelectorAll('.score-input');
  if (!total || !inputs.length) { return; }
  function sum() {
    var n = 0;
    inputs.forEach(function (i) { var v = parseInt(i.value, 10); if (!isNaN(v)) { n += v; } });
    total.textContent = n;
  }
  inputs.forEach(function (i) { i.addEventListener('input', sum); });
  sum();
})();
