export { PersonalDataExported } from './domain/privacy.events';
export type { PersonalDataExportedPayload } from './domain/privacy.events';
