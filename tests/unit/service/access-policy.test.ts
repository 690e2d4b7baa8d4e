import { describe, expect, it } from "vitest";
import { checkAccess, tokenFrom } from "../../../pipeline/service";

const port = 41234;
const token = "s3cr3t-token";
const ok = { host: `127.0.0.1:${port}`, origin: undefined, token };

describe("who may reach the loopback service", () => {
  it("lets the page and local tools with the token in", () => {
    expect(checkAccess(ok, port, token)).toEqual({ ok: true });
    expect(
      checkAccess({ ...ok, host: `localhost:${port}`, origin: `http://localhost:${port}` }, port, token),
    ).toEqual({ ok: true });
  });

  it("refuses a missing or wrong token with 401", () => {
    expect(checkAccess({ ...ok, token: undefined }, port, token)).toMatchObject({ ok: false, status: 401 });
    expect(checkAccess({ ...ok, token: "s3cr3t-tokem" }, port, token)).toMatchObject({
      ok: false,
      status: 401,
    });
    expect(checkAccess({ ...ok, token: "short" }, port, token)).toMatchObject({ ok: false, status: 401 });
  });

  it("refuses other hosts (DNS rebinding) and other ports", () => {
    expect(checkAccess({ ...ok, host: `evil.example:${port}` }, port, token)).toMatchObject({ status: 403 });
    expect(checkAccess({ ...ok, host: "127.0.0.1:80" }, port, token)).toMatchObject({ status: 403 });
    expect(checkAccess({ ...ok, host: undefined }, port, token)).toMatchObject({ status: 403 });
  });

  it("refuses pages from other origins even with the token", () => {
    expect(checkAccess({ ...ok, origin: "https://evil.example" }, port, token)).toMatchObject({
      status: 403,
    });
    expect(checkAccess({ ...ok, origin: `http://127.0.0.1:${port + 1}` }, port, token)).toMatchObject({
      status: 403,
    });
    expect(checkAccess({ ...ok, origin: "null" }, port, token)).toMatchObject({ status: 403 });
  });

  it("reads the token from the header, the query or the cookie", () => {
    const url = new URL("http://127.0.0.1/?token=from-query");
    expect(tokenFrom({ authorization: "Bearer from-header" }, url)).toBe("from-header");
    expect(tokenFrom({}, url)).toBe("from-query");
    expect(tokenFrom({ cookie: "a=b; lakebook_token=from-cookie" }, new URL("http://127.0.0.1/"))).toBe(
      "from-cookie",
    );
    expect(tokenFrom({}, new URL("http://127.0.0.1/"))).toBeUndefined();
  });
});
