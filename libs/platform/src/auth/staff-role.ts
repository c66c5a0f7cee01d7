/**
 * The roles the guards check and the authentication context grants. A file of its own, with no
 * imports, so that the authentication domain may use it too (the one exception to domain-purity).
 */
export type StaffRole = 'support' | 'admin';
