/* Storage: every value the gym layer keeps, as JSON in localStorage under "lh-<key>".
   Storage can be missing, full or refuse every write (private modes): `load` then gives
   the fallback and `save` reports false, and the page works on until a reload.
   `store` is localStorage unless a caller (a test) passes another Storage-like object. */

export const STORAGE_PREFIX = "lh-";

export function load(key, fallback, store) {
  try {
    const value = (store || localStorage).getItem(STORAGE_PREFIX + key);
    return value === null ? fallback : JSON.parse(value);
  } catch (error) {
    return fallback;
  }
}

// The stored text itself (null when nothing is stored, undefined without storage).
export function loadRaw(key, store) {
  try {
    return (store || localStorage).getItem(STORAGE_PREFIX + key);
  } catch (error) {
    return undefined;
  }
}

export function save(key, value, store) {
  try {
    (store || localStorage).setItem(STORAGE_PREFIX + key, JSON.stringify(value));
    return true;
  } catch (error) {
    return false;
  }
}
