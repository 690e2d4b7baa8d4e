export { offlineTitlesFromVegaDatasets } from "./from-vega";
export { MOVIE_GENRES, type TmdbGenre, TV_GENRES, tmdbGenres } from "./genres";
export { type OfflineAnswer, OfflineTmdbApi } from "./offline-api";
export { type OfflineTmdbServer, startOfflineTmdb } from "./offline-server";
export { type OfflineCastMember, type OfflineTitle, tmdbIdFor } from "./offline-title";
