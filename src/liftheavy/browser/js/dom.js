/* Small DOM helpers shared by the gym modules (the only module every other one imports). */

export const $ = (selector, root = document) => root.querySelector(selector);
export const $$ = (selector, root = document) => [...root.querySelectorAll(selector)];
export const on = (target, type, handler) => target && target.addEventListener(type, handler);
