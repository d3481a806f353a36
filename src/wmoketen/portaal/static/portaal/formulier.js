/* Error summary (WCAG 3.3.1, 2.4.3): after a failed submit every form with field errors gets
   a list of its errors at the top, each linking to its field, and the first list takes the
   focus. Built here from the rendered errors (ids "<field>_error", as Django's
   aria-describedby expects) so that every form gets it, however its template lays out its
   fields. The Dutch texts come from the <script> tag's data attributes (basis.html). */
(function () {
  "use strict";
  var teksten = document.currentScript.dataset;
  var teller = 0;

  function labelVan(veld) {
    var label = veld.id && document.querySelector('label[for="' + veld.id + '"]');
    var fieldset = veld.closest("fieldset");
    var bron = veld.type === "radio" || veld.type === "checkbox" ? fieldset && fieldset.querySelector("legend") : label;
    bron = bron || label;
    return bron ? bron.textContent.replace(/\*\s*$/, "").trim() : "";
  }

  function fouten(form) {
    var items = [];
    form.querySelectorAll('[role="alert"] p, .veld__fout[id$="_error"]').forEach(function (el) {
      if (el.closest(".foutoverzicht")) return;
      var tekst = el.textContent.trim();
      if (!el.id) return items.push({ tekst: tekst });
      var naam = el.id.slice(0, -"_error".length);
      var veld = document.getElementById(naam) || document.getElementById(naam + "_0");
      if (!veld) return items.push({ tekst: tekst });
      var label = labelVan(veld);
      items.push({ tekst: label ? label + ": " + tekst : tekst, veld: veld });
    });
    return items;
  }

  function link(item) {
    var a = document.createElement("a");
    a.href = "#" + item.veld.id;
    a.textContent = item.tekst;
    a.addEventListener("click", function (event) {
      event.preventDefault();
      var label = document.querySelector('label[for="' + item.veld.id + '"]');
      (label || item.veld).scrollIntoView({ block: "center" });
      item.veld.focus({ preventScroll: true });
    });
    return a;
  }

  function overzicht(items) {
    teller += 1;
    var vak = document.createElement("div");
    vak.className = "foutoverzicht";
    vak.tabIndex = -1;
    vak.setAttribute("role", "alert");
    var kop = document.createElement("h2");
    kop.className = "foutoverzicht__kop";
    kop.id = "foutoverzicht-" + teller;
    kop.textContent = items.length === 1 ? teksten.een : teksten.meer.replace("%s", items.length);
    var lijst = document.createElement("ul");
    items.forEach(function (item) {
      var li = document.createElement("li");
      li.appendChild(item.veld ? link(item) : document.createTextNode(item.tekst));
      lijst.appendChild(li);
    });
    vak.append(kop, lijst);
    return vak;
  }

  function vat_samen(binnen) {
    var eerste = null;
    var forms = binnen.tagName === "FORM" ? [binnen] : binnen.querySelectorAll("form");
    forms.forEach(function (form) {
      if (form.querySelector(".foutoverzicht")) return;
      var items = fouten(form);
      if (!items.some(function (i) { return i.veld; })) return;
      var vak = overzicht(items);
      form.prepend(vak);
      eerste = eerste || vak;
    });
    if (eerste) eerste.focus();
  }

  vat_samen(document);
  document.addEventListener("htmx:afterSettle", function (event) {
    var doel = event.detail.elt;
    vat_samen(doel.closest("form") || doel);
  });
})();
