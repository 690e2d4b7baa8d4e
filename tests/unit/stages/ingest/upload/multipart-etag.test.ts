import { createHash } from "node:crypto";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  DEFAULT_PART_SIZE,
  multipartEtag,
  partRanges,
  planPartSize,
  SourceDigest,
} from "../../../../../pipeline/stages/ingest/upload";

const md5 = (data: Uint8Array) => createHash("md5").update(data).digest();
const MiB = 1024 * 1024;

describe("the multipart ETag", () => {
  it("is the MD5 of the parts' binary MD5s, then -N", () => {
    const parts = [md5(Buffer.from("hello ")), md5(Buffer.from("world"))];
    expect(parts.map((p) => p.toString("hex"))).toEqual([
      "f814893777bcc2295fff05f00e508da6",
      "7d793037a0760186574b0282f2f435e7",
    ]);
    expect(multipartEtag(parts)).toBe("e09e4fd6265b36115fe3db32df945d84-2");
  });

  it("matches what S3 reports for two 5 MiB parts of zero bytes", () => {
    const zeros = md5(Buffer.alloc(5 * MiB));
    expect(zeros.toString("hex")).toBe("5f363e0e58a95f06cbe9bbc662c5dfb6");
    expect(multipartEtag([zeros, zeros])).toBe("a7d414b9133d6483d9a1c4e04e856e3b-2");
  });
});

describe("part sizes", () => {
  it("uses 8 MiB parts, grown in whole MiB past 10,000 parts", () => {
    expect(planPartSize(180_000_000)).toBe(DEFAULT_PART_SIZE);
    expect(planPartSize(1)).toBe(DEFAULT_PART_SIZE);
    expect(planPartSize(10_000 * DEFAULT_PART_SIZE)).toBe(DEFAULT_PART_SIZE);
    expect(planPartSize(10_000 * DEFAULT_PART_SIZE + 1)).toBe(9 * MiB);
    expect(planPartSize(200 * 1024 * MiB)).toBe(21 * MiB);
    expect(planPartSize(1_000_000, 128 * 1024)).toBe(128 * 1024);
  });

  it("cuts a file into numbered ranges that cover it exactly", () => {
    expect(partRanges(25, 10)).toEqual([
      { number: 1, offset: 0, size: 10 },
      { number: 2, offset: 10, size: 10 },
      { number: 3, offset: 20, size: 5 },
    ]);
    expect(partRanges(20, 10)).toHaveLength(2);
    expect(partRanges(0, 10)).toEqual([{ number: 1, offset: 0, size: 0 }]);
    expect(partRanges(180_000_118, DEFAULT_PART_SIZE)).toHaveLength(22);
  });
});

describe("the MD5s taken while validating", () => {
  it("equal the MD5s of the file's slices, however the file was chunked", () => {
    fc.assert(
      fc.property(
        fc.uint8Array({ minLength: 1, maxLength: 3000 }),
        fc.integer({ min: 1, max: 700 }),
        fc.array(fc.integer({ min: 1, max: 500 }), { minLength: 1, maxLength: 20 }),
        (bytes, partSize, chunkSizes) => {
          const digest = new SourceDigest(partSize);
          for (let at = 0, i = 0; at < bytes.length; i++) {
            const size = chunkSizes[i % chunkSizes.length] ?? 1;
            digest.update(bytes.subarray(at, at + size));
            at += size;
          }
          const result = digest.result();
          const expected = partRanges(bytes.length, partSize).map((p) =>
            md5(bytes.subarray(p.offset, p.offset + p.size)),
          );
          return (
            result.md5 === md5(bytes).toString("hex") &&
            result.parts.every((part, i) => part.equals(expected[i] as Buffer)) &&
            result.parts.length === expected.length
          );
        },
      ),
    );
  });
});
