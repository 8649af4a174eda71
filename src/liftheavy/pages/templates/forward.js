(function () {
  // An old library address (/exercises/#goblet-squat) names an entry of this list: go on to its page.
  function forward() {
    var target = location.hash.length > 1 && document.getElementById(location.hash.slice(1));
    var entry = target && target.closest(".lh-forward");
    if (entry) location.replace(entry.querySelector("a").href);
  }
  forward();
  addEventListener("hashchange", forward);
})();
