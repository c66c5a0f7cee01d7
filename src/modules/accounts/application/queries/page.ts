import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from '@app/platform';

export { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE };

export interface PageRequest {
  page: number;
  pageSize: number;
}

export interface Page<T> extends PageRequest {
  items: T[];
  total: number;
}

export function pageOptions({ page, pageSize }: PageRequest): { limit: number; offset: number } {
  const size = Math.min(Math.max(pageSize, 1), MAX_PAGE_SIZE);
  return { limit: size, offset: (Math.max(page, 1) - 1) * size };
}
