import { generateTemporaryPassword } from './temporary-password';

describe('generateTemporaryPassword', () => {
  it('makes passwords of the requested length from letters and digits without look-alikes', () => {
    for (let i = 0; i < 200; i += 1) {
      const password = generateTemporaryPassword(16);
      expect(password).toMatch(/^[A-Za-z0-9]{16}$/);
      expect(password).not.toMatch(/[0O1lI]/);
      expect(password).toMatch(/[A-Z]/);
      expect(password).toMatch(/[a-z]/);
      expect(password).toMatch(/[0-9]/);
    }
  });

  it('draws again until every character class is present', () => {
    const draws = [0, 0, 0, 0, 30, 50];
    let call = 0;
    const password = generateTemporaryPassword(3, () => draws[call++]);
    expect(call).toBe(6);
    expect(password).toBe('Ag3');
  });
});
