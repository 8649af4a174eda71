/* Keep the screen awake (Screen Wake Lock API), only where the browser has it: a toggle,
   re-acquired when the page is shown again (browsers release the lock when it is hidden).
   Elsewhere the panel shows a tip about the phone's Auto-Lock setting instead. */

import { $, on } from "./dom.js";
import { load, save } from "./storage.js";

export function wakeLock(gym, say) {
  const wake = $("[data-lh-wake]", gym);
  const supported = "wakeLock" in navigator;
  let lock = null;
  const acquire = () => navigator.wakeLock.request("screen").then(
    (sentinel) => { lock = sentinel; },
    () => { wake.checked = false; say("This browser would not keep the screen awake"); },
  );
  $("[data-lh-wake-tip]", gym).hidden = supported;
  gym.classList.toggle("lh-no-wake", !supported);
  if (supported) {
    $("[data-lh-wake-option]", gym).hidden = false;
    wake.checked = load("wake", false);
    if (wake.checked) acquire();
    on(wake, "change", () => {
      save("wake", wake.checked);
      if (wake.checked) acquire();
      else if (lock) lock.release().then(() => { lock = null; });
    });
  }
  const refresh = () => {
    if (wake.checked && (!lock || lock.released)) acquire();
  };
  return { refresh };
}
