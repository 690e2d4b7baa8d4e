/**
 * Column lists of the course challenge's two input files, spelled exactly as the real files spell
 * them (`tituloPincipal` is a typo in the original data and must stay one). Kept free of imports so
 * any area (ingest, transforms, the demo generator) reuses it.
 */
export const MOVIES_COLUMNS = [
  "id",
  "tituloPincipal",
  "tituloOriginal",
  "anoLancamento",
  "tempoMinutos",
  "genero",
  "notaMedia",
  "numeroVotos",
  "generoArtista",
  "personagem",
  "nomeArtista",
  "anoNascimento",
  "anoFalecimento",
  "profissao",
  "titulosMaisConhecidos",
] as const;

/** series.csv: the movies columns plus `anoTermino` right after `anoLancamento` (16 columns). */
export const SERIES_COLUMNS = [
  "id",
  "tituloPincipal",
  "tituloOriginal",
  "anoLancamento",
  "anoTermino",
  "tempoMinutos",
  "genero",
  "notaMedia",
  "numeroVotos",
  "generoArtista",
  "personagem",
  "nomeArtista",
  "anoNascimento",
  "anoFalecimento",
  "profissao",
  "titulosMaisConhecidos",
] as const;

export type MoviesColumn = (typeof MOVIES_COLUMNS)[number];
export type SeriesColumn = (typeof SERIES_COLUMNS)[number];

/** The challenge files' null marker: a literal backslash followed by `N`. */
export const NULL_MARKER = "\\N";
