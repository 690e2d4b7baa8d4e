"""The demo's TRUSTED + REFINED work in pandas, as a course notebook would write it (one core).

Usage: python3 pandas_script.py <data dir> <raw TMDB folder> <work dir>; prints one JSON line.
Debian's python3-pandas has no Parquet engine (no pyarrow), so the tables are pickled instead.
"""
import glob
import json
import os
import re
import sys
import time

import pandas as pd

data_dir, tmdb_dir, work_dir = sys.argv[1:4]
stages = {}


def timed(stage):
    def wrap(work):
        started = time.perf_counter()
        result = work()
        stages[stage] = round((time.perf_counter() - started) * 1000)
        return result
    return wrap


def save(frame, name):
    frame.to_pickle(os.path.join(work_dir, f"{name}.pkl"))


def trusted_csv(name, series):
    raw = pd.read_csv(os.path.join(data_dir, f"{name}.csv"), sep="|", na_values=["\\N"],
                      keep_default_na=False, dtype=str, quoting=3)
    out = pd.DataFrame({
        "imdb_id": raw["id"],
        "titulo_principal": raw["tituloPincipal"],
        "titulo_original": raw["tituloOriginal"],
        "ano_lancamento": pd.to_numeric(raw["anoLancamento"], errors="coerce").astype("Int32"),
    })
    if series:
        out["ano_termino"] = pd.to_numeric(raw["anoTermino"], errors="coerce").astype("Int32")
    generos = raw["genero"].fillna("").str.split(",")
    out["tempo_minutos"] = pd.to_numeric(raw["tempoMinutos"], errors="coerce").astype("Int32")
    out["generos"] = generos
    out["nota_media"] = pd.to_numeric(raw["notaMedia"], errors="coerce")
    out["numero_votos"] = pd.to_numeric(raw["numeroVotos"], errors="coerce").astype("Int64")
    out["genero_artista"] = raw["generoArtista"]
    out["personagem"] = raw["personagem"]
    out["nome_artista"] = raw["nomeArtista"]
    out["ano_nascimento"] = pd.to_numeric(raw["anoNascimento"], errors="coerce").astype("Int32")
    out["ano_falecimento"] = pd.to_numeric(raw["anoFalecimento"], errors="coerce").astype("Int32")
    out["profissoes"] = raw["profissao"].fillna("").str.split(",")
    out["titulos_mais_conhecidos"] = raw["titulosMaisConhecidos"].fillna("").str.split(",")
    out["is_horror"] = generos.map(lambda g: "Horror" in g)
    out["is_mystery"] = generos.map(lambda g: "Mystery" in g)
    save(out, f"trusted_{name}")
    return out


def tmdb_records(kind):
    rows = []
    for file in sorted(glob.glob(os.path.join(tmdb_dir, "JSON", "*", "*", "*", f"tmdb-{kind}-*.json"))):
        match = re.search(r"(\d{4})/(\d{2})/(\d{2})/[^/]*$", file.replace(os.sep, "/"))
        with open(file, encoding="utf-8") as handle:
            for record in json.load(handle)["records"]:  # one {"kind", "records"} object a file
                record["dt"] = f"{match.group(1)}-{match.group(2)}-{match.group(3)}"
                rows.append(record)
    return pd.DataFrame(rows)


def trusted():
    movies = trusted_csv("movies", False)
    series = trusted_csv("series", True)
    tm = tmdb_records("movies")
    tm["release_date"] = pd.to_datetime(tm["release_date"], errors="coerce")
    for money in ("budget", "revenue"):
        values = pd.to_numeric(tm[money], errors="coerce")
        tm[money] = values.where(values != 0).astype("Int64")
    tm["cast_members"] = tm["credits"].map(lambda c: (c or {}).get("cast", []))
    tm["crew_members"] = tm["credits"].map(lambda c: (c or {}).get("crew", []))
    tm = tm.rename(columns={"id": "tmdb_id"})
    ts = tmdb_records("series")
    ts["first_air_date"] = pd.to_datetime(ts["first_air_date"], errors="coerce")
    ts["cast_members"] = ts["credits"].map(lambda c: (c or {}).get("cast", []))
    ts = ts.rename(columns={"id": "tmdb_id"})
    save(tm, "trusted_tmdb_movies")
    save(ts, "trusted_tmdb_series")
    return movies, series, tm, ts


SUBGENRES = {"body horror", "demon", "folk horror", "found footage", "ghost", "haunted house", "possession",
             "psychopath", "serial killer", "slasher", "supernatural", "vampire", "werewolf", "whodunit", "zombie"}


def refined(movies, series, tm, ts):
    cols = ["imdb_id", "titulo_principal", "titulo_original", "ano_lancamento", "tempo_minutos", "is_horror", "is_mystery"]
    csv_titles = pd.concat([
        movies.loc[movies.is_horror | movies.is_mystery, cols].drop_duplicates().assign(kind="movie"),
        series.loc[series.is_horror | series.is_mystery, cols].drop_duplicates().assign(kind="series"),
    ])
    dates = pd.concat([
        tm[["imdb_id", "tmdb_id", "release_date", "dt"]],
        ts[["imdb_id", "tmdb_id", "first_air_date", "dt"]].rename(columns={"first_air_date": "release_date"}),
    ]).sort_values("dt", ascending=False).drop_duplicates("imdb_id")
    dim_title = csv_titles.merge(dates, on="imdb_id", how="left")
    dim_title["title_key"] = dim_title["imdb_id"].str[2:].astype("int64")
    rd = dim_title["release_date"]
    dim_title["release_date_key"] = (rd.dt.year * 10000 + rd.dt.month * 100 + rd.dt.day).fillna(
        dim_title["ano_lancamento"].astype("float") * 10000)
    save(dim_title, "dim_title")

    dim_date = dim_title[["release_date_key", "release_date"]].dropna(subset=["release_date_key"]).drop_duplicates()
    dim_date["year"] = dim_date["release_date_key"] // 10000
    dim_date["decade"] = (dim_date["release_date_key"] // 100000) * 10
    save(dim_date, "dim_date")

    keywords = pd.concat([tm[["imdb_id", "keywords"]], ts[["imdb_id", "keywords"]]]).explode("keywords").dropna()
    keywords["subgenre"] = keywords["keywords"].map(lambda k: k["name"].lower())
    keywords = keywords[["imdb_id", "subgenre"]].drop_duplicates()
    names = sorted(set(keywords["subgenre"]) & SUBGENRES)
    dim_subgenre = pd.DataFrame({"subgenre_key": range(1, len(names) + 1), "subgenre": names})
    save(dim_subgenre, "dim_subgenre")
    bridge = keywords.merge(dim_title[["imdb_id", "title_key"]], on="imdb_id").merge(dim_subgenre, on="subgenre")
    bridge["weight"] = 1.0 / bridge.groupby("title_key")["subgenre_key"].transform("count")
    save(bridge[["title_key", "subgenre_key", "weight"]], "bridge_title_subgenre")

    def cast_of(frame):
        cast = frame[["imdb_id", "cast_members"]].explode("cast_members").dropna()
        cast = pd.concat([cast[["imdb_id"]].reset_index(drop=True), pd.json_normalize(cast["cast_members"].tolist())], axis=1)
        return cast[cast["order"] < 5]

    crew = tm[["imdb_id", "crew_members"]].explode("crew_members").dropna()
    crew = pd.concat([crew[["imdb_id"]].reset_index(drop=True), pd.json_normalize(crew["crew_members"].tolist())], axis=1)
    directors = crew[crew["job"] == "Director"]
    cast = pd.concat([cast_of(tm), cast_of(ts)])
    people = pd.concat([cast[["id", "name", "gender"]], directors[["id", "name"]].assign(gender=None)])
    dim_person = people.groupby("id").agg(name=("name", "max"), gender=("gender", "max")).reset_index()
    save(dim_person, "dim_person")
    credits = pd.concat([cast[["imdb_id", "id", "order"]].assign(role="cast"), directors[["imdb_id", "id"]].assign(role="director")])
    bridge_person = credits.merge(dim_title[["imdb_id", "title_key"]], on="imdb_id").groupby(
        ["title_key", "id", "role"], dropna=False)["order"].min().reset_index()
    save(bridge_person, "bridge_title_person")

    ratings = pd.concat([
        movies[["imdb_id", "nota_media", "numero_votos"]].drop_duplicates(),
        series[["imdb_id", "nota_media", "numero_votos"]].drop_duplicates(),
    ])
    tmdb = pd.concat([
        tm[["imdb_id", "popularity", "vote_average", "vote_count", "budget", "revenue", "dt"]],
        ts[["imdb_id", "popularity", "vote_average", "vote_count", "dt"]],
    ]).sort_values("dt", ascending=False).drop_duplicates("imdb_id")
    fact = dim_title[["title_key", "imdb_id", "release_date_key"]].merge(ratings, on="imdb_id").merge(tmdb, on="imdb_id", how="left")
    save(fact, "fact_title_rating")


frames = timed("trusted")(trusted)
timed("refined")(lambda: refined(*frames))
print(json.dumps({"stages": stages}))
