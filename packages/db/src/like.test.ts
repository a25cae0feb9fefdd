import { describe, expect, it } from 'vitest';
import { escapeLike, likeContaining } from './like.js';

describe('LIKE escaping', () => {
  it('takes the wildcards and the escape character literally', () => {
    expect(escapeLike('a%b_c\\d')).toBe('a\\%b\\_c\\\\d');
    expect(escapeLike('DL/DL-NDC')).toBe('DL/DL-NDC');
    expect(likeContaining('50%')).toBe('%50\\%%');
  });
});
