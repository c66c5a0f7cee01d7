/** The operations context offers nothing to other contexts: it only observes them. */
export {};
