// A Storage-like object for the storage tests (storage.test.js, log.test.js).
// The part of the Web Storage API the module uses; `quota` makes setItem throw when full.
export class MemoryStorage {
  constructor(quota = Infinity) {
    this.items = new Map();
    this.quota = quota;
  }
  getItem(key) {
    return this.items.has(key) ? this.items.get(key) : null;
  }
  setItem(key, value) {
    const used = [...this.items].reduce((n, [k, v]) => n + k.length + v.length, 0);
    if (used + key.length + String(value).length > this.quota) {
      throw new DOMException("The quota has been exceeded.", "QuotaExceededError");
    }
    this.items.set(key, String(value));
  }
}
