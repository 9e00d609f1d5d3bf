/** A translated section has exactly the keys of its English original (en/<section>.ts). */
export type Section<T> = { [K in keyof T]: string };
