import { timingSafeEqual } from "node:crypto";

/**
 * Who may talk to the loopback service. Pure functions so each rule is tested on its own:
 * a page on another site must not reach it (Origin), DNS rebinding must not (Host),
 * and another local user or program must not (token).
 */
export interface AccessRequest {
  host: string | undefined;
  origin: string | undefined;
  /** Token from the Authorization header, the `token` query parameter or the session cookie. */
  token: string | undefined;
}

export type AccessDecision = { ok: true } | { ok: false; status: 401 | 403; reason: string };

export function allowedHosts(port: number): string[] {
  return [`127.0.0.1:${port}`, `localhost:${port}`];
}

export function checkAccess(request: AccessRequest, port: number, expectedToken: string): AccessDecision {
  const hosts = allowedHosts(port);
  if (!request.host || !hosts.includes(request.host.toLowerCase())) {
    return { ok: false, status: 403, reason: "Host not allowed" };
  }
  // Browsers always send Origin on cross-site requests and socket upgrades; tools like curl send none.
  if (request.origin !== undefined && !hosts.some((host) => request.origin === `http://${host}`)) {
    return { ok: false, status: 403, reason: "Origin not allowed" };
  }
  if (!request.token || !sameToken(request.token, expectedToken)) {
    return { ok: false, status: 401, reason: "Missing or wrong token" };
  }
  return { ok: true };
}

function sameToken(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

export const TOKEN_COOKIE = "lakebook_token";

/** Reads the token from, in order: `Authorization: Bearer`, `?token=`, the session cookie. */
export function tokenFrom(
  headers: { authorization?: string | undefined; cookie?: string | undefined },
  url: URL,
): string | undefined {
  const bearer = headers.authorization?.match(/^Bearer\s+(\S+)$/i)?.[1];
  if (bearer) return bearer;
  const query = url.searchParams.get("token");
  if (query) return query;
  for (const part of headers.cookie?.split(";") ?? []) {
    const [name, ...value] = part.trim().split("=");
    if (name === TOKEN_COOKIE) return value.join("=");
  }
  return undefined;
}
