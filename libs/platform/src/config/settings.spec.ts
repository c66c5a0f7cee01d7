import { IntegerSetting, readSettings } from './settings';

class SpecSettings {
  @IntegerSetting({ min: 2, max: 9 })
  SPEC_BOUNDED = 5;

  @IntegerSetting({ min: 1 })
  SPEC_AT_LEAST_ONE = 1;
}

describe('an integer setting', () => {
  it('reads the variable as a whole number, or keeps the default', () => {
    expect(readSettings(SpecSettings, { SPEC_BOUNDED: '9' })).toMatchObject({
      SPEC_BOUNDED: 9,
      SPEC_AT_LEAST_ONE: 1,
    });
  });

  it.each([
    ['SPEC_BOUNDED', '3.5', 'must be an integer number'],
    ['SPEC_BOUNDED', 'many', 'must be an integer number'],
    ['SPEC_BOUNDED', '1', 'must not be less than 2'],
    ['SPEC_BOUNDED', '10', 'must not be greater than 9'],
    ['SPEC_AT_LEAST_ONE', '0', 'must not be less than 1'],
  ])('refuses %s=%s in one line naming it', (name, value, rule) => {
    expect(() => readSettings(SpecSettings, { [name]: value })).toThrow(
      new RegExp(`^Invalid configuration: ${name} ${rule}$`),
    );
  });
});
