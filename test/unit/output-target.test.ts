// Where -o leads: regular files (through any links) are replaced, everything a process or a
// device stands behind is written into as it is, and descriptor 1 is standard output.

import { execFileSync } from "node:child_process";
import { mkdir, realpath, symlink, writeFile } from "node:fs/promises";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { resolveOutputTarget } from "../../src/output/output-target.js";
import { makeTempDir, removeTempDir } from "../helpers/support.js";

let dir: string;
beforeAll(async () => {
  dir = await realpath(await makeTempDir());
  await mkdir(path.join(dir, "sub"));
  await writeFile(path.join(dir, "sub", "file.json"), "");
  await symlink("sub/file.json", path.join(dir, "link.json"));
  await symlink("link.json", path.join(dir, "link-to-link.json"));
  await symlink("sub/new.json", path.join(dir, "dangling.json"));
  await symlink("/proc/self/fd/1", path.join(dir, "mystdout"));
  await symlink("/dev/null", path.join(dir, "mynull"));
  await symlink("/dev", path.join(dir, "devices"));
  await symlink("loop-b", path.join(dir, "loop-a"));
  await symlink("loop-a", path.join(dir, "loop-b"));
  execFileSync("mkfifo", [path.join(dir, "fifo")]);
});
afterAll(() => removeTempDir(dir));

describe("resolveOutputTarget", () => {
  it.each([
    ["a new file", "new.json", "new.json"],
    ["a regular file", "sub/file.json", "sub/file.json"],
    ["a link to a regular file: its target", "link.json", "sub/file.json"],
    ["a chain of links: the last target", "link-to-link.json", "sub/file.json"],
    ["a dangling link: the file it names, made", "dangling.json", "sub/new.json"],
  ])("%s is replaced whole", async (_, given, replaced) => {
    expect(await resolveOutputTarget(path.join(dir, given))).toEqual({ kind: "replace", path: path.join(dir, replaced) });
  });

  it.each(["/dev/stdout", "/dev/fd/1", "/proc/self/fd/1", "mystdout"])("%s is standard output", async (given) => {
    expect(await resolveOutputTarget(path.resolve(dir, given))).toEqual({ kind: "stdout" });
  });

  it.each(["/dev/null", "/dev/full", "/dev/stderr", "/proc/self/fd/2", "mynull", "fifo", "devices/not-there"])("%s is written into as it is", async (given) => {
    expect(await resolveOutputTarget(path.resolve(dir, given))).toEqual({ kind: "direct" });
  });

  it("a loop of links is an error, as the system says it", async () => {
    await expect(resolveOutputTarget(path.join(dir, "loop-a"))).rejects.toMatchObject({ code: "ELOOP" });
  });
});
