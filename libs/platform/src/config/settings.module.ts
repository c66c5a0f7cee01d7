import { Module } from '@nestjs/common';
import type { DynamicModule, ForwardReference, Type } from '@nestjs/common';
import { MODULE_METADATA } from '@nestjs/common/constants';
import { Environment } from './settings';
import type { SettingsClass } from './settings';

const DECLARES = Symbol('declares-settings');

type ModuleEntry = Type | DynamicModule | ForwardReference | Promise<DynamicModule> | undefined;
interface SettingsDeclaration extends DynamicModule {
  [DECLARES]: SettingsClass;
}

/** Gives a context its own validated settings class, read from the app's environment. */
@Module({})
export class SettingsModule {
  static forContext<T extends object>(settings: SettingsClass<T>): DynamicModule {
    const declaration: SettingsDeclaration = {
      module: SettingsModule,
      providers: [
        {
          provide: settings,
          inject: [Environment],
          useFactory: (environment: Environment) => environment.read(settings),
        },
      ],
      exports: [settings],
      [DECLARES]: settings,
    };
    return declaration;
  }
}

/** A settings class and the module that declared it (e.g. `TwoFactorModule`). */
export interface SettingsOwner {
  settings: SettingsClass;
  module: string;
}

/** Every settings class declared by `SettingsModule.forContext` anywhere under the modules. */
export function settingsDeclaredIn(...roots: ModuleEntry[]): SettingsOwner[] {
  const found = new Map<SettingsClass, string>();
  const seen = new Set<unknown>();
  const visit = (entry: ModuleEntry, parent: string): void => {
    if (!entry || entry instanceof Promise || seen.has(entry)) return;
    seen.add(entry);
    if ('forwardRef' in entry) return visit((entry.forwardRef as () => ModuleEntry)(), parent);
    const declared = (entry as Partial<SettingsDeclaration>)[DECLARES];
    if (declared && !found.has(declared)) found.set(declared, parent);
    const type = 'module' in entry ? entry.module : entry;
    const imports = [
      ...('module' in entry ? (entry.imports ?? []) : []),
      ...((Reflect.getMetadata(MODULE_METADATA.IMPORTS, type) as ModuleEntry[] | undefined) ?? []),
    ];
    for (const child of imports) visit(child, type.name);
  };
  for (const root of roots) visit(root, '');
  return [...found].map(([settings, module]) => ({ settings, module }));
}

/**
 * Validates every context's settings before the app is built, so that a bad variable stops the
 * process at boot with the same single line as a bad platform variable, before anything connects.
 */
export function checkSettings(environment: Environment, ...roots: ModuleEntry[]): void {
  for (const { settings } of settingsDeclaredIn(...roots)) environment.read(settings);
}
