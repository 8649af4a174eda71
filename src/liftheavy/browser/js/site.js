/* The script of pages without the gym tools (the overview, today/, the article, the
   library): the service worker, so every page opens with no signal after one visit, and
   Your block where the page has it (the overview's plan, today/). */

import { registerServiceWorker } from "./offline.js";
import { blockPage } from "./blockpage.js";

registerServiceWorker().catch(() => {});
const start = () => blockPage("serviceWorker" in navigator ? navigator.serviceWorker.ready : Promise.reject(new Error("no worker")));
if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
else start();
