/** The shape of a translation file, so every language has every key of the zh-CN source. */
export type Messages<T> = { [K in keyof T]: T[K] extends string ? string : Messages<T[K]> };
