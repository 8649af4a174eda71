/* Small DOM helpers shared by the gym modules (the only module every other one imports). */

export const $ = (selector, root = document) => root.querySelector(selector);
export const $$ = (selector, root = document) => [...root.querySelectorAll(selector)];
export const on = (target, type, handler) => target && target.addEventListener(type, handler);
// A new element (in namespace `ns`, for SVG) with its text (set as text, never as HTML) and attributes.
export const element = (tag, text, attributes = {}, ns) => {
  const node = ns ? document.createElementNS(ns, tag) : document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, value);
  if (text) node.textContent = text;
  return node;
};
