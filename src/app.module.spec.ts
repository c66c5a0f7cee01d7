import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  AppConfig,
  checkSettings,
  Environment,
  settingsDeclaredIn,
  variablesOf,
} from '@app/platform';
import { CONTEXT_MODULES } from './app.module';

const contexts = settingsDeclaredIn(...CONTEXT_MODULES).map(({ settings, module }) => ({
  settings,
  // TwoFactorModule → two-factor: the heading of its group in the README.
  context: module
    .replace(/Module$/, '')
    .replace(/([a-z])([A-Z])/g, '$1-$2')
    .toLowerCase(),
}));
const platform = variablesOf(AppConfig);

describe('the settings of the contexts', () => {
  it('are declared by every context that has settings, once each', () => {
    expect(contexts.length).toBeGreaterThan(0);
    const variables = contexts.flatMap(({ settings }) =>
      variablesOf(settings).filter((name) => !platform.includes(name)),
    );
    expect(variables.filter((name, i) => variables.indexOf(name) !== i)).toEqual([]);
  });

  it.each(contexts.map(({ settings }) => [settings.name, settings] as const))(
    'stop the boot with one line naming a bad variable of %s',
    (_name, settings) => {
      const [first] = variablesOf(settings).filter((name) => !platform.includes(name));
      const environment = new Environment({ [first]: '\u0000not valid\u0000' });
      expect(() => checkSettings(environment, ...CONTEXT_MODULES)).toThrow(
        new RegExp(`^Invalid configuration: ${first} [^\\n\\u0000]*$`),
      );
    },
  );
});

describe('the README configuration table', () => {
  const readme = readFileSync(join(__dirname, '../README.md'), 'utf8');
  const start = readme.indexOf('## Configuration');
  const end = readme.indexOf('\n## ', start + 1);
  const table = readme.slice(start, end < 0 ? undefined : end);
  const group = (heading: string) => {
    const from = table.indexOf(`\n### ${heading}\n`);
    if (from < 0) return '';
    const to = table.indexOf('\n### ', from + 1);
    return table.slice(from, to < 0 ? undefined : to);
  };
  const missing = (heading: string, variables: string[]) =>
    variables.filter((name) => !group(heading).includes(`| \`${name}\` |`));

  it('lists every platform variable under "platform"', () => {
    expect(missing('platform', platform)).toEqual([]);
  });

  it.each(contexts.map(({ context, settings }) => [context, settings] as const))(
    'lists every variable of %s under its own heading',
    (context, settings) => {
      const own = variablesOf(settings).filter((name) => !platform.includes(name));
      expect(missing(context, own)).toEqual([]);
    },
  );

  it('lists no variable that nothing reads', () => {
    const declared = [...platform, ...contexts.flatMap(({ settings }) => variablesOf(settings))];
    const rows = [...table.matchAll(/^\| `([A-Z0-9_]+)` \|/gm)].map((match) => match[1]);
    expect(rows.filter((name) => !declared.includes(name))).toEqual([]);
    expect(rows.filter((name, i) => rows.indexOf(name) !== i)).toEqual([]);
  });
});
