import createClient from 'openapi-fetch';
import type { Middleware } from 'openapi-fetch';
import { currentLanguage } from '../i18n/i18n';
import type { components, paths } from './schema';

/**
 * The one client of the public JSON API, typed from the OpenAPI document (`npm run api:types`).
 * Same origin: the session travels in its HttpOnly cookie, never in page script.
 */
const acceptLanguage: Middleware = {
  onRequest({ request }) {
    request.headers.set('Accept-Language', currentLanguage());
    return request;
  },
};

export const api = createClient<paths>({ baseUrl: '', credentials: 'same-origin' });
api.use(acceptLanguage);

export type Schemas = components['schemas'];
export type LoginResponse = Schemas['LoginResponseDto'];
