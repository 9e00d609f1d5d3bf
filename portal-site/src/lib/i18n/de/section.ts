/** A German section has exactly the keys of its English original. */
export type Section<T> = { [K in keyof T]: string };
