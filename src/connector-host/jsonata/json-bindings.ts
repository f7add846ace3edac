/**
 * Bindings cross into a worker by structured clone, which would quietly pass Dates, Maps and
 * class instances (and choke on functions with a DataCloneError naming nothing). Mappings
 * may only see plain JSON, so say which binding is wrong before anything is sent.
 */
export function assertJsonBindings(bindings: Record<string, unknown>): void {
  for (const [name, value] of Object.entries(bindings)) assertJson(value, `$${name}`, new Set());
}

function assertJson(value: unknown, path: string, ancestors: Set<object>): void {
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return;
  if (typeof value === 'number') {
    if (Number.isFinite(value)) return;
    throw new TypeError(`binding ${path} is ${value}, which is not JSON`);
  }
  if (typeof value !== 'object') {
    throw new TypeError(`binding ${path} is a ${typeof value}; bindings must be plain JSON values`);
  }
  const prototype: unknown = Object.getPrototypeOf(value);
  if (!Array.isArray(value) && prototype !== Object.prototype && prototype !== null) {
    const kind = (value as { constructor?: { name?: string } }).constructor?.name ?? 'non-plain object';
    throw new TypeError(`binding ${path} is a ${kind}; bindings must be plain JSON values`);
  }
  if (ancestors.has(value)) throw new TypeError(`binding ${path} refers to itself; JSON cannot hold a cycle`);
  ancestors.add(value);
  if (Array.isArray(value)) value.forEach((item: unknown, index) => assertJson(item, `${path}[${index}]`, ancestors));
  else for (const [key, item] of Object.entries(value)) assertJson(item, `${path}.${key}`, ancestors);
  ancestors.delete(value);
}
