// The public questionnaire on a phone. Without JavaScript every question is shown (numbered as the server counts
// the ones shown for the answers sent), the server ignores answers to questions whose condition is not met, and a
// refused form comes back listing every missing answer. With it:
//  - a conditional question shows only when the answer it depends on is chosen;
//  - the shown questions are numbered 1, 2, 3 … as they stand (when 7 is hidden the next one is 7), and the hints
//    that name another question use its number;
//  - submitting lists every missing answer at once (the same words as the server), marks each and moves the focus
//    to the first; a form the server refused moves the focus to its first problem.
(function () {
  var form = document.querySelector('form[data-rejected]');
  if (!form) { return; }
  var questions = Array.prototype.slice.call(form.querySelectorAll('fieldset[data-key]'));

  function shown(fieldset) {
    return !fieldset.classList.contains('is-hidden');
  }

  function answered(fieldset) {
    var inputs = fieldset.querySelectorAll('input, textarea');
    for (var i = 0; i < inputs.length; i++) {
      var x = inputs[i];
      if (x.type === 'radio' || x.type === 'checkbox' ? x.checked : x.value.trim() !== '') { return true; }
    }
    return false;
  }

  function update() {
    var numbers = {};
    var n = 0;
    questions.forEach(function (q) {
      var key = q.getAttribute('data-show-if');
      if (key) {
        var chosen = form.querySelector('input[name="' + key + '"][value="' + q.getAttribute('data-show-option') + '"]:checked');
        var depends = document.getElementById('question-' + key);
        q.classList.toggle('is-hidden', !chosen || (depends !== null && !shown(depends)));
      }
      var no = q.querySelector('.no');
      if (shown(q)) {
        n++;
        numbers[q.getAttribute('data-key')] = n;
        no.textContent = n + '.';
      } else {
        no.textContent = '';
      }
    });
    Array.prototype.forEach.call(form.querySelectorAll('[data-ref]'), function (ref) {
      var number = numbers[ref.getAttribute('data-ref')];
      if (number) { ref.textContent = number; }
    });
    return numbers;
  }

  function focusIn(fieldset) {
    var input = fieldset.querySelector('input, textarea');
    if (input) { input.focus(); }
    fieldset.scrollIntoView({ block: 'center' });
  }

  function link(target, text) {
    var a = document.createElement('a');
    a.href = '#' + target.id;
    a.textContent = text;
    return a;
  }

  form.addEventListener('submit', function (event) {
    var numbers = update();
    var missing = Array.prototype.filter.call(form.querySelectorAll('fieldset[data-must]'), function (f) {
      return shown(f) && !answered(f);
    });
    if (!missing.length) { return; }
    event.preventDefault();
    Array.prototype.forEach.call(form.querySelectorAll('fieldset'), function (f) {
      f.classList.remove('has-problem');
      var old = f.querySelector('.problem');
      if (old) { old.remove(); }
    });
    var alert = document.getElementById('answer-problems');
    if (!alert) {
      alert = document.createElement('div');
      alert.id = 'answer-problems';
      alert.className = 'alert';
      alert.setAttribute('role', 'alert');
      form.parentNode.insertBefore(alert, form);
    }
    alert.textContent = form.getAttribute('data-rejected').replace('{0}', missing.length);
    alert.appendChild(document.createElement('br'));
    alert.appendChild(document.createTextNode(form.getAttribute('data-fix')));
    missing.forEach(function (f) {
      f.classList.add('has-problem');
      var problem = document.createElement('div');
      problem.className = 'problem';
      problem.textContent = f.getAttribute('data-missing');
      f.querySelector('legend').insertAdjacentElement('afterend', problem);
      var key = f.getAttribute('data-key');
      alert.appendChild(link(f, key ? form.getAttribute('data-question').replace('{0}', numbers[key]) : f.getAttribute('data-label')));
      alert.appendChild(document.createTextNode(' '));
    });
    focusIn(missing[0]);
  });

  document.addEventListener('change', update);
  update();
  var refused = form.querySelector('fieldset.has-problem');
  if (refused) { focusIn(refused); }
})();
