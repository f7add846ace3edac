/** Key and secret of an `Authorization: Basic …` header (RFC 7617), or undefined when malformed. */
export function parseBasicAuth(header: string | undefined): { key: string; secret: string } | undefined {
  const match = /^Basic +([A-Za-z0-9+/]+={0,2})\s*$/i.exec(header ?? '');
  if (!match) return undefined;
  const decoded = Buffer.from(match[1], 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  if (colon <= 0) return undefined;
  return { key: decoded.slice(0, colon), secret: decoded.slice(colon + 1) };
}
