export interface PageRequest {
  page: number;
  pageSize: number;
}

export interface Page<T> extends PageRequest {
  items: T[];
  total: number;
}

export const DEFAULT_PAGE_SIZE = 20;
export const MAX_PAGE_SIZE = 100;

export function pageOptions({ page, pageSize }: PageRequest): { limit: number; offset: number } {
  const size = Math.min(Math.max(pageSize, 1), MAX_PAGE_SIZE);
  return { limit: size, offset: (Math.max(page, 1) - 1) * size };
}
