import { describe, expect, it } from "vitest";
import { findSecrets, mask } from "../../../pipeline/course";
import { EXAMPLE_KEY_ID, EXAMPLE_SECRET } from "../../helpers/example-aws-keys";

describe("the credential patterns", () => {
  it("find AWS keys, secrets, TMDB tokens and keys, and private keys", () => {
    const jwt = ["eyJhbGciOiJIUzI1NiJ9", "eyJzdWIiOiJub3QtYS1yZWFsLXRva2VuIn0", "bm90LWEtc2lnbmF0dXJl"].join(
      ".",
    );
    const hex = "0123456789abcdef0123456789abcdef";
    expect(findSecrets(`key = ${EXAMPLE_KEY_ID}`)).toEqual([
      { kind: "AWS access key id", secret: EXAMPLE_KEY_ID },
    ]);
    expect(findSecrets(`aws_secret_access_key = ${EXAMPLE_SECRET}`)).toEqual([
      { kind: "AWS secret access key", secret: EXAMPLE_SECRET },
    ]);
    expect(findSecrets(`TMDB_READ_ACCESS_TOKEN=${jwt}`).map((f) => f.kind)).toEqual([
      "TMDB read access token (JWT)",
    ]);
    expect(findSecrets(`TMDB_API_KEY=${hex}`)).toEqual([{ kind: "TMDB API key", secret: hex }]);
    expect(findSecrets(["-----BEGIN", "RSA PRIVATE KEY-----"].join(" "))[0]?.kind).toBe("private key");
  });

  it("leave ordinary data alone: ids, hashes, prose", () => {
    expect(findSecrets("tt0000009|Miss Jerry|1894|\\N|45|Romance")).toEqual([]);
    expect(findSecrets("SHA-256 0b385feac099b02a4ef46bedd417f5a8fd28597413094de3f960fc672d0b54b9")).toEqual(
      [],
    );
    expect(findSecrets("profile: course  # a profile name, never keys")).toEqual([]);
  });

  it("mask a secret to its first four characters and its length", () => {
    expect(mask(EXAMPLE_KEY_ID)).toBe("AKIA******** (20 characters)");
    expect(mask(EXAMPLE_SECRET)).not.toContain(EXAMPLE_SECRET.slice(4, 10));
  });
});
