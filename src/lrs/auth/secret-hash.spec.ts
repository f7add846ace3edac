import { hashSecret, verifySecret } from './secret-hash';

describe('secret hashing (scrypt, per-secret salt)', () => {
  it('verifies the secret it hashed and nothing else; never stores the secret', async () => {
    const stored = await hashSecret('correct horse');
    expect(stored).toMatch(/^scrypt\$\d+\$\d+\$\d+\$[\w-]+\$[\w-]+$/);
    expect(stored).not.toContain('correct horse');
    await expect(verifySecret('correct horse', stored)).resolves.toBe(true);
    await expect(verifySecret('correct horsE', stored)).resolves.toBe(false);
  });

  it('salts each hash', async () => {
    const [a, b] = await Promise.all([hashSecret('same'), hashSecret('same')]);
    expect(a).not.toBe(b);
  });

  it('treats a malformed stored hash as no match', async () => {
    await expect(verifySecret('x', 'sha256$abc')).resolves.toBe(false);
    await expect(verifySecret('x', 'scrypt$0$8$1$AA$AA')).resolves.toBe(false);
  });
});
