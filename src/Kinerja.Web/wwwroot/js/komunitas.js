// Masyarakat Praktisi: solves the form's proof-of-work challenge before it is sent (no captcha),
// and holds a very quick submit until the server's minimum time has passed. Without this script
// the forms still work: the server then asks for a longer wait (docs/decisions/komunitas-spam.md).
(function () {
  "use strict";
  var loaded = Date.now();
  var minimumMs = 2300;

  function leadingZeroBits(bytes, bits) {
    for (var i = 0; i < bits; i++) {
      if (bytes[i >> 3] & (0x80 >> (i & 7))) return false;
    }
    return true;
  }

  async function solve(token, bits) {
    var encoder = new TextEncoder();
    for (var n = 0; n < 50000000; n++) {
      var digest = await crypto.subtle.digest("SHA-256", encoder.encode(token + ":" + n));
      if (leadingZeroBits(new Uint8Array(digest), bits)) return String(n);
    }
    return "";
  }

  document.querySelectorAll("form[data-guard]").forEach(function (form) {
    var nonce = form.querySelector("input[name=_nonce]");
    var stamp = form.querySelector("input[name=_stamp]");
    var status = form.querySelector(".guard-status");
    var busy = false;
    form.addEventListener("submit", function (event) {
      if (form.dataset.ready === "1") return;
      event.preventDefault();
      if (busy) return;
      busy = true;
      if (status) status.textContent = status.dataset.working || "";
      var work = form.hasAttribute("data-pow") && nonce && stamp && window.crypto && crypto.subtle
        ? solve(stamp.value, parseInt(nonce.dataset.powBits || "0", 10))
        : Promise.resolve("");
      work.then(function (found) {
        if (found) nonce.value = found;
        var wait = Math.max(0, minimumMs - (Date.now() - loaded));
        setTimeout(function () {
          form.dataset.ready = "1";
          if (form.requestSubmit) form.requestSubmit(event.submitter || undefined); else form.submit();
        }, wait);
      });
    });
  });
})();
