/** The shape every translation must have: the same keys as zh-CN, any string as a value. */
export type TranslationShape<T> = {
  readonly [K in keyof T]: T[K] extends string ? string : TranslationShape<T[K]>;
};
