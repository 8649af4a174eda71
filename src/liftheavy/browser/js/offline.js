/* Offline: register the service worker (sw.js, next to the web app manifest at the site
   root), so the whole site opens with no signal after one visit. Only after the page has
   loaded, so the precache download never slows the first view. Resolves when it is ready. */

import { $ } from "./dom.js";

export function registerServiceWorker() {
  const manifest = $('link[rel="manifest"]');
  if (!("serviceWorker" in navigator) || !manifest) return Promise.reject();
  const pageLoaded = new Promise((resolve) => {
    if (document.readyState === "complete") resolve();
    else window.addEventListener("load", resolve);
  });
  return pageLoaded
    .then(() => navigator.serviceWorker.register(new URL("sw.js", manifest.href).href))
    .then(() => navigator.serviceWorker.ready);
}
