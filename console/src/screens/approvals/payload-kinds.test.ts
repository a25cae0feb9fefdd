import { describe, expect, it } from 'vitest';
import { parseRoleGrant } from './payload-kinds';

const grant = { username: 'seller.accounts', staffId: '3f0c8a52-1f0e-4d3e-9a77-0b8f4a3c2d11', role: 'BILLER', officeCode: 'NDGPO' };

describe('a role grant payload', () => {
  it('keeps the biller a grant of BILLER is for, so the checker sees it', () => {
    expect(parseRoleGrant({ ...grant, billerCode: 'BL000001' })).toEqual({ ...grant, billerCode: 'BL000001' });
  });

  it('reads a grant to the post office’s staff, which names no biller', () => {
    expect(parseRoleGrant({ ...grant, role: 'POSTMAN' })).toEqual({ ...grant, role: 'POSTMAN' });
  });

  it('falls back to the field table for a biller that is not text', () => {
    expect(parseRoleGrant({ ...grant, billerCode: 7 })).toBeNull();
  });
});
